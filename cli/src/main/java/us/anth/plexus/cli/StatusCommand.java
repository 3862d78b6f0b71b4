package us.anth.plexus.cli;

import picocli.CommandLine.Command;
import us.anth.plexus.api.PlexusTask;

/** {@code plexusctl status <task>}: one task's phase, Ready reason, stages, result and Events. */
@Command(
    name = "status",
    description = "Show a task's phase, Ready reason, stages, result and Events.")
public final class StatusCommand extends SingleTaskCommand {
  @Override
  int run(CliContext ctx, PlexusTask found) {
    if (!global().human()) {
      System.out.print(global().output().one(found));
      return 0;
    }
    System.out.print(TaskViews.detail(found));
    System.out.print(
        TaskEvents.table(
            TaskEvents.of(ctx.client(), found), TaskEvents.SHOWN, java.time.Instant.now()));
    return 0;
  }
}
