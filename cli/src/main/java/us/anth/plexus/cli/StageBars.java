package us.anth.plexus.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.StageState;
import us.anth.plexus.api.StageStatus;

/**
 * One terminal progress bar per stage (items, items/s, ETA and the status message), drawn on
 * stderr; a bar opens when its stage starts and closes when it ends. Without a terminal (a pipe, a
 * CI log) redrawn bars would only garble the log, so each stage's start and end is one line.
 */
final class StageBars implements AutoCloseable {
  private final boolean terminal = System.console() != null;
  private final Map<String, ProgressBar> bars = new HashMap<>();
  private final Map<String, Boolean> closed = new HashMap<>();
  private final Set<String> announced = new HashSet<>();

  void update(PlexusTaskStatus status) {
    List<StageStatus> stages = Optional.ofNullable(status.getStages()).orElse(List.of());
    for (StageStatus stage : stages) {
      if (stage.getName() == null
          || stage.getStatus() == null
          || stage.getStatus() == StageState.PENDING
          || closed.containsKey(stage.getName())) {
        continue;
      }
      if (!terminal) {
        announce(stage);
        continue;
      }
      ProgressBar bar = bars.computeIfAbsent(stage.getName(), name -> open(stage));
      if (stage.getTotalItems() != null && stage.getTotalItems() > 0) {
        bar.maxHint(stage.getTotalItems());
      }
      Optional.ofNullable(stage.getProcessedItems()).ifPresent(bar::stepTo);
      Optional.ofNullable(stage.getStatusMessage()).ifPresent(bar::setExtraMessage);
      if (stage.getStatus() == StageState.COMPLETED || stage.getStatus() == StageState.FAILED) {
        if (stage.getTotalItems() != null && stage.getStatus() == StageState.COMPLETED) {
          bar.stepTo(stage.getTotalItems());
        }
        bar.close();
        closed.put(stage.getName(), true);
      }
    }
  }

  private void announce(StageStatus stage) {
    boolean done =
        stage.getStatus() == StageState.COMPLETED || stage.getStatus() == StageState.FAILED;
    if (!announced.add(stage.getName()) && !done) {
      return;
    }
    String items =
        stage.getTotalItems() == null
            ? ""
            : " "
                + Optional.ofNullable(stage.getProcessedItems()).orElse(0L)
                + "/"
                + stage.getTotalItems();
    String message = stage.getStatusMessage() == null ? "" : " (" + stage.getStatusMessage() + ")";
    System.err.println("stage " + stage.getName() + ": " + stage.getStatus() + items + message);
    if (done) {
      closed.put(stage.getName(), true);
    }
  }

  private static ProgressBar open(StageStatus stage) {
    long max = stage.getTotalItems() == null ? -1 : stage.getTotalItems();
    return new ProgressBarBuilder()
        .setTaskName(stage.getName())
        .setInitialMax(max)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250)
        .setMaxRenderedLength(120)
        .showSpeed()
        .build();
  }

  @Override
  public void close() {
    bars.forEach(
        (name, bar) -> {
          if (!closed.containsKey(name)) {
            bar.close();
          }
        });
  }
}
