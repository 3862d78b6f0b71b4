package us.anth.plexus.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.TaskPhase;

/**
 * Follows a task until it reaches a final phase: progress bars per stage, and the pod log (without
 * progress marker lines) streamed to {@code logOut}. Returns the final task.
 */
public final class TaskFollower {
  private static final String MARKER = "::plexus:: ";
  private final KubernetesClient client;
  private final PrintStream logOut;
  private final boolean bars;

  public TaskFollower(KubernetesClient client, PrintStream logOut, boolean bars) {
    this.client = client;
    this.logOut = logOut;
    this.bars = bars;
  }

  public PlexusTask follow(PlexusTask task, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    PodLogs logs = new PodLogs(client, task);
    try (StageBars stageBars = new StageBars()) {
      while (true) {
        PlexusTask current = Tasks.reload(client, task);
        if (bars && current.getStatus() != null) {
          stageBars.update(current.getStatus());
        }
        logs.newText().lines().filter(l -> !l.startsWith(MARKER)).forEach(logOut::println);
        TaskPhase phase = current.getStatus() == null ? null : current.getStatus().getPhase();
        if (phase != null && phase.isFinal()) {
          Thread.sleep(300);
          logs.newText().lines().filter(l -> !l.startsWith(MARKER)).forEach(logOut::println);
          PlexusTask last = Tasks.reload(client, task);
          if (bars) {
            stageBars.update(last.getStatus());
          }
          return last;
        }
        if (Instant.now().isAfter(deadline)) {
          throw new CliException(
              "gave up waiting for task "
                  + task.getMetadata().getName()
                  + " after "
                  + timeout.toSeconds()
                  + "s (phase "
                  + TaskViews.phase(current)
                  + ")",
              3);
        }
        Thread.sleep(250);
      }
    }
  }

  /** 0 when Succeeded; the command's exit code (else 1) when Failed; 2 when Cancelled. */
  public static int exitCode(PlexusTask task) {
    return switch (TaskViews.phase(task)) {
      case "Succeeded" -> 0;
      case "Cancelled" -> 2;
      default -> {
        Integer code = task.getStatus() == null ? null : task.getStatus().getExitCode();
        yield code != null && code > 0 && code < 256 ? code : 1;
      }
    };
  }
}
