package us.anth.plexus.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import us.anth.plexus.api.PlexusTask;

/** {@code plexusctl approve <task>}: sets spec.approvedBy so an approval-gated task can run. */
@Command(name = "approve", description = "Approve a task awaiting approval (sets spec.approvedBy).")
public final class ApproveCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Mixin TaskArgument task;

  @Option(names = "--by", description = "Approver (default: $USER).")
  String by;

  @Override
  public Integer call() {
    try (CliContext ctx = CliContext.open(global)) {
      PlexusTask found = task.find(ctx);
      String approver =
          by != null ? by : System.getenv().getOrDefault("USER", System.getProperty("user.name"));
      Tasks.api(ctx.client())
          .inNamespace(ctx.namespace())
          .withName(found.getMetadata().getName())
          .edit(
              t -> {
                t.getSpec().setApprovedBy(approver);
                return t;
              });
      System.out.println("task/" + found.getMetadata().getName() + " approved by " + approver);
      return 0;
    }
  }
}
