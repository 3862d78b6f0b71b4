package us.anth.plexus.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.StageState;
import us.anth.plexus.api.StageStatus;

/**
 * Stage progress for a non-terminal (a pipe, a CI log): a line when a stage starts or ends and, in
 * between, one progress line per stage at most every {@link #EVERY}.
 */
final class ProgressLog implements StageView {
  static final Duration EVERY = Duration.ofSeconds(5);

  private final PrintStream out;
  private final PrintStream progress;
  private final Map<String, StageState> lastState = new HashMap<>();
  private final Map<String, Instant> lastPrinted = new HashMap<>();
  private final Map<String, String> lastLine = new HashMap<>();

  /** Log lines go to {@code out}, progress lines to {@code progress}. */
  ProgressLog(PrintStream out, PrintStream progress) {
    this.out = out;
    this.progress = progress;
  }

  @Override
  public void line(String text) {
    out.println(text);
  }

  @Override
  public void update(PlexusTaskStatus status) {
    update(status, Instant.now());
  }

  void update(PlexusTaskStatus status, Instant now) {
    for (StageStatus stage : Optional.ofNullable(status.getStages()).orElse(List.of())) {
      String name = stage.getName();
      if (name == null || stage.getStatus() == null || stage.getStatus() == StageState.PENDING) {
        continue;
      }
      boolean changed = stage.getStatus() != lastState.get(name);
      Instant last = lastPrinted.get(name);
      boolean due = last == null || !now.isBefore(last.plus(EVERY));
      String line = BarLine.plain(stage, now);
      if (changed || (due && !line.equals(lastLine.get(name)))) {
        progress.println(line);
        lastState.put(name, stage.getStatus());
        lastPrinted.put(name, now);
        lastLine.put(name, line);
      }
    }
  }

  @Override
  public void close() {
    progress.flush();
  }
}
