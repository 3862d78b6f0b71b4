package us.anth.plexus.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import us.anth.plexus.api.PlexusTask;

/** {@code plexusctl approve <task>}: sets spec.approvedBy so an approval-gated task can run. */
@Command(name = "approve", description = "Approve a task awaiting approval (sets spec.approvedBy).")
public final class ApproveCommand extends SingleTaskCommand {
  @Option(names = "--by", description = "Approver (default: $USER).")
  String by;

  @Override
  int run(CliContext ctx, PlexusTask found) {
    String approver = by != null ? by : CliContext.user();
    Tasks.patchSpec(ctx.client(), found, Map.of("approvedBy", approver));
    System.out.println("task/" + found.getMetadata().getName() + " approved by " + approver);
    return 0;
  }
}
