package us.anth.plexus.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import us.anth.plexus.api.PlexusTask;

/** Base of the commands that act on one task: global options, the TASK argument, the lookup. */
abstract class SingleTaskCommand implements Callable<Integer> {
  @ParentCommand PlexusCtl root;

  /** The global options, given before or after this command's name. */
  GlobalOptions global() {
    return root.global;
  }

  @Mixin TaskArgument task;

  @Override
  public final Integer call() throws Exception {
    try (CliContext ctx = CliContext.open(global())) {
      return run(ctx, task.find(ctx));
    }
  }

  /** Does the command's work on {@code found}; returns the exit code. */
  abstract int run(CliContext ctx, PlexusTask found) throws Exception;
}
