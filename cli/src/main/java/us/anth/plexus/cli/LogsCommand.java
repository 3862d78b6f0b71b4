package us.anth.plexus.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import us.anth.plexus.api.PlexusTask;

/** {@code plexusctl logs [-f] <task>}: the output of the task's newest pod. */
@Command(name = "logs", description = "Print the log of the task's newest pod.")
public final class LogsCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Mixin TaskArgument task;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep printing until the task has finished.")
  boolean follow;

  @Override
  public Integer call() throws InterruptedException {
    try (CliContext ctx = CliContext.open(global)) {
      PlexusTask found = task.find(ctx);
      PodLogs logs = new PodLogs(ctx.client(), found);
      if (!follow && logs.newestPod().isEmpty()) {
        throw new CliException(
            "task "
                + found.getMetadata().getName()
                + " has no pod yet (phase "
                + TaskViews.phase(found)
                + ")");
      }
      System.out.print(logs.newText());
      while (follow
          && !TaskViews.phase(Tasks.reload(ctx.client(), found))
              .matches("Succeeded|Failed|Cancelled")) {
        Thread.sleep(500);
        System.out.print(logs.newText());
        System.out.flush();
      }
      if (follow) {
        System.out.print(logs.newText());
      }
      return 0;
    }
  }
}
