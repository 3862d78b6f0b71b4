package us.anth.plexus.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import us.anth.plexus.api.PlexusTask;

/** {@code plexusctl cancel <task>}: sets spec.cancel (the operator stops the Job). */
@Command(name = "cancel", description = "Cancel a task: its Job is stopped and it ends Cancelled.")
public final class CancelCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Mixin TaskArgument task;

  @Override
  public Integer call() {
    try (CliContext ctx = CliContext.open(global)) {
      PlexusTask found = task.find(ctx);
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
