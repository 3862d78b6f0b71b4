package us.anth.plexus.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import us.anth.plexus.api.PlexusTask;

/**
 * {@code plexusctl cancel <task>}: sets spec.cancel (the operator stops the Job); a finished task,
 * or one whose cancel was already requested, is left untouched and the command says so.
 */
@Command(name = "cancel", description = "Cancel a task: its Job is stopped and it ends Cancelled.")
public final class CancelCommand extends SingleTaskCommand {
  @Override
  int run(CliContext ctx, PlexusTask found) {
    String name = "task/" + found.getMetadata().getName();
    if (SafeVerbs.finished(found)) {
      System.out.println(name + " already " + TaskViews.phase(found) + "; nothing to cancel");
      return 0;
    }
    if (found.getSpec().cancelRequested()) {
      String by = found.getSpec().getCancelRequestedBy();
      System.out.println(
          name + " cancel already requested" + (by == null ? "" : " by " + by) + "; not changed");
      return 0;
    }
    String user = CliContext.user();
    Tasks.patchSpec(ctx.client(), found, Map.of("cancel", true, "cancelRequestedBy", user));
    System.out.println(name + " cancel requested by " + user);
    return 0;
  }
}
