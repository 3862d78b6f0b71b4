package us.anth.plexus.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import us.anth.plexus.api.PlexusTask;

/** {@code plexusctl cancel <task>}: sets spec.cancel (the operator stops the Job). */
@Command(name = "cancel", description = "Cancel a task: its Job is stopped and it ends Cancelled.")
public final class CancelCommand extends SingleTaskCommand {
  @Override
  int run(CliContext ctx, PlexusTask found) {
    String user = CliContext.user();
    Tasks.patchSpec(ctx.client(), found, Map.of("cancel", true, "cancelRequestedBy", user));
    System.out.println("task/" + found.getMetadata().getName() + " cancel requested by " + user);
    return 0;
  }
}
