package us.anth.plexus.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import us.anth.plexus.api.PlexusTask;

/**
 * {@code plexusctl approve <task>}: sets spec.approvedBy so an approval-gated task can run; never
 * on a finished task and never over an existing approver (both say so and exit 0).
 */
@Command(name = "approve", description = "Approve a task awaiting approval (sets spec.approvedBy).")
public final class ApproveCommand extends SingleTaskCommand {
  @Option(names = "--by", description = "Approver (default: $USER).")
  String by;

  @Override
  int run(CliContext ctx, PlexusTask found) {
    String name = "task/" + found.getMetadata().getName();
    if (SafeVerbs.finished(found)) {
      System.out.println(name + " already " + TaskViews.phase(found) + "; nothing to approve");
      return 0;
    }
    String existing = found.getSpec().getApprovedBy();
    if (existing != null && !existing.isBlank()) {
      System.out.println(name + " already approved by " + existing + "; not changed");
      return 0;
    }
    String approver = by != null ? by : CliContext.user();
    Tasks.patchSpec(ctx.client(), found, Map.of("approvedBy", approver));
    System.out.println(name + " approved by " + approver);
    return 0;
  }
}
