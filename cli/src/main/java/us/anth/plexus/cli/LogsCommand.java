package us.anth.plexus.cli;

import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import us.anth.plexus.api.PlexusTask;

/** {@code plexusctl logs [-f] <task>}: the output of the task's newest pod. */
@Command(name = "logs", description = "Print the log of the task's newest pod.")
public final class LogsCommand extends SingleTaskCommand {
  /** How long -f follows at most (a task's own timeout normally ends it much sooner). */
  private static final Duration FOLLOW_AT_MOST = Duration.ofDays(7);

  @Option(
      names = {"-f", "--follow"},
      description = "Keep printing until the task has finished.")
  boolean follow;

  @Option(
      names = "--raw",
      description = "Also print the ::plexus:: progress marker lines (hidden by default).")
  boolean raw;

  @Override
  int run(CliContext ctx, PlexusTask found) throws InterruptedException {
    if (follow) {
      new TaskFollower(ctx.client(), System.out, false, raw).follow(found, FOLLOW_AT_MOST);
      return 0;
    }
    PodLogFollower logs = new PodLogFollower(ctx.client(), found);
    if (logs.newestPod().isEmpty()) {
      throw new CliException(
          "task "
              + found.getMetadata().getName()
              + " has no pod yet (phase "
              + TaskViews.phase(found)
              + ")");
    }
    logs.poll(
        line -> {
          if (raw || !TaskFollower.isMarker(line)) {
            System.out.println(line);
          }
        });
    return 0;
  }
}
