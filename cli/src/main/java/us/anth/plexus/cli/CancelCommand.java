package us.anth.plexus.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import us.anth.plexus.api.PlexusTask;

/** {@code plexusctl cancel <task>}: sets spec.cancel (the operator stops the Job). */
@Command(name = "cancel", description = "Cancel a task: its Job is stopped and it ends Cancelled.")
public final class CancelCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Parameters(paramLabel = "TASK", description = "Task name or DynamoDB task id.")
  String task;

  @Override
  public Integer call() {
    try (CliContext ctx = CliContext.open(global)) {
      PlexusTask found = Tasks.find(ctx.client(), ctx.namespace(), task);
      String user = System.getenv().getOrDefault("USER", System.getProperty("user.name"));
      Tasks.api(ctx.client())
          .inNamespace(ctx.namespace())
          .withName(found.getMetadata().getName())
          .edit(
              t -> {
                t.getSpec().setCancel(true);
                t.getSpec().setCancelRequestedBy(user);
                return t;
              });
      System.out.println("task/" + found.getMetadata().getName() + " cancel requested by " + user);
      return 0;
    }
  }
}
