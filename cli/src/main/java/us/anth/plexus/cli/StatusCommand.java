package us.anth.plexus.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import us.anth.plexus.api.PlexusTask;

/** {@code plexusctl status <task>}: one task's phase, stages and result. */
@Command(name = "status", description = "Show a task's phase, stages and result.")
public final class StatusCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Mixin TaskArgument task;

  @Override
  public Integer call() {
    try (CliContext ctx = CliContext.open(global)) {
      PlexusTask found = task.find(ctx);
      System.out.print(
          global.output() == OutputFormat.table
              ? TaskViews.detail(found)
              : global.output().document(found));
      return 0;
    }
  }
}
