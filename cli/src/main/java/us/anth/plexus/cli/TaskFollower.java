package us.anth.plexus.cli;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.TaskPhase;

/**
 * Follows a task until it reaches a final phase, streaming its pod log to {@code logOut} as it
 * grows; with {@code bars}, also a progress bar per stage (and then the progress marker lines,
 * which the bars show, are left out of the log). Returns the final task.
 */
public final class TaskFollower {
  private static final String MARKER = "::plexus:: ";
  private static final Duration POLL = Duration.ofMillis(250);

  /** Events are read every this many polls (about every two seconds). */
  private static final int EVENTS_EVERY = 8;

  /** Grace after the final phase for the last log lines (the runner's exit summary). */
  private static final Duration LAST_LINES = Duration.ofMillis(300);

  private final KubernetesClient client;
  private final PrintStream logOut;
  private final boolean bars;
  private final boolean raw;

  public TaskFollower(KubernetesClient client, PrintStream logOut, boolean bars) {
    this(client, logOut, bars, false);
  }

  /** With {@code raw}, the {@code ::plexus::} progress marker lines are printed too. */
  public TaskFollower(KubernetesClient client, PrintStream logOut, boolean bars, boolean raw) {
    this.raw = raw;
    this.client = client;
    this.logOut = logOut;
    this.bars = bars;
  }

  public PlexusTask follow(PlexusTask task, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    PodLogFollower logs = new PodLogFollower(client, task);
    Reasons reasons = new Reasons();
    try (StageView view = bars ? StageView.forOutput(logOut) : StageView.linesOnly(logOut)) {
      for (long round = 0; ; round++) {
        PlexusTask current = Tasks.reload(client, task);
        reasons.show(view, current, round % EVENTS_EVERY == 0);
        showBars(view, current);
        logs.poll(line -> print(view, line));
        if (isFinal(current)) {
          Thread.sleep(LAST_LINES.toMillis());
          logs.poll(line -> print(view, line));
          PlexusTask last = Tasks.reload(client, task);
          reasons.show(view, last, true);
          showBars(view, last);
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
        Thread.sleep(POLL.toMillis());
      }
    }
  }

  /**
   * Prints the Ready condition's reason and message whenever they change, and each new Event of the
   * task, as describe shows them (only with bars: {@code logs -f} prints the log alone).
   */
  private final class Reasons {
    private String ready = "";
    private final Set<String> seen = new HashSet<>();

    void show(StageView view, PlexusTask task, boolean withEvents) {
      if (!bars) {
        return;
      }
      String now = TaskViews.readyLine(task);
      if (!now.isEmpty() && !now.equals(ready)) {
        view.line("Ready: " + now);
      }
      ready = now;
      if (withEvents) {
        for (Event e : TaskEvents.of(client, task)) {
          String key = e.getMetadata().getName() + "/" + e.getCount() + "/" + e.getLastTimestamp();
          if (seen.add(key)) {
            view.line("Event: " + TaskEvents.line(e));
          }
        }
      }
    }
  }

  private void print(StageView view, String line) {
    if (raw || !isMarker(line)) {
      view.line(line);
    }
  }

  private void showBars(StageView view, PlexusTask task) {
    if (bars && task.getStatus() != null) {
      view.update(task.getStatus());
    }
  }

  private static boolean isFinal(PlexusTask task) {
    TaskPhase phase = task.getStatus() == null ? null : task.getStatus().getPhase();
    return phase != null && phase.isFinal();
  }

  /** Whether {@code line} is a runner progress marker (protocol, not output). */
  public static boolean isMarker(String line) {
    return line.startsWith(MARKER);
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
