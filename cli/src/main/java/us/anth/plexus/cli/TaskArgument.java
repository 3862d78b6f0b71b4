package us.anth.plexus.cli;

import picocli.CommandLine.Parameters;
import us.anth.plexus.api.PlexusTask;

/** The {@code TASK} argument (name or DynamoDB task id) of the single-task commands. */
public final class TaskArgument {
  @Parameters(paramLabel = "TASK", description = "Task name or DynamoDB task id.")
  String task;

  PlexusTask find(CliContext ctx) {
    return Tasks.find(ctx.client(), ctx.namespace(), task);
  }
}
