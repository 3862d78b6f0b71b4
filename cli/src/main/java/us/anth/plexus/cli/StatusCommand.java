package us.anth.plexus.cli;

import picocli.CommandLine.Command;
import us.anth.plexus.api.PlexusTask;

/** {@code plexusctl status <task>}: one task's phase, Ready reason, stages, result and Events. */
@Command(name = "status", description = "Show a task's phase, stages and result.")
public final class StatusCommand extends SingleTaskCommand {
  @Override
  int run(CliContext ctx, PlexusTask found) {
    System.out.print(global().human() ? TaskViews.detail(found) : global().output().one(found));
    return 0;
  }
}
