package us.anth.plexus.runner.progress;

import java.time.Duration;
import java.time.Instant;
import us.anth.plexus.api.StageState;

/** One stage's mutable progress, owned and synchronized by {@link ProgressTracker}. */
final class Stage {
  private static final double ETA_THRESHOLD = 0.10;

  final String name;
  final int order;
  Long total;
  long processed;
  String message;
  Instant startedAt;
  Instant completedAt;
  StageState state = StageState.PENDING;

  Stage(String name, int order, Long total) {
    this.name = name;
    this.order = order;
    this.total = total;
  }

  boolean counted() {
    return total != null;
  }

  void start(Instant now) {
    state = StageState.RUNNING;
    startedAt = now;
    completedAt = null;
  }

  void update(Long newProcessed, Long newTotal, String newMessage) {
    if (newTotal != null) {
      total = Math.max(0, newTotal);
    }
    if (newProcessed != null) {
      processed = newProcessed;
    }
    processed = Math.max(0, total == null ? processed : Math.min(processed, total));
    if (newMessage != null) {
      message = newMessage;
    }
  }

  void complete(Instant now) {
    if (counted()) {
      processed = total;
    }
    state = StageState.COMPLETED;
    completedAt = now;
  }

  void fail(Instant now, String error) {
    state = StageState.FAILED;
    message = "Error: " + error;
    completedAt = now;
  }

  /** processed ÷ seconds since the stage started (until it ended); null without counts. */
  Double itemsPerSecond(Instant now) {
    if (!counted() || startedAt == null) {
      return null;
    }
    double seconds =
        Duration.between(startedAt, completedAt != null ? completedAt : now).toMillis();
    return seconds <= 0 ? null : Math.round(processed / (seconds / 1000) * 100) / 100.0;
  }

  /** Estimated end, only while running and once at least 10% of the items are done. */
  Instant estimatedCompletion(Instant now) {
    if (state != StageState.RUNNING || !counted() || total == 0) {
      return null;
    }
    if (processed < total * ETA_THRESHOLD || processed == 0) {
      return null;
    }
    long elapsedMillis = Duration.between(startedAt, now).toMillis();
    double millisPerItem = (double) elapsedMillis / processed;
    return now.plusMillis(Math.round((total - processed) * millisPerItem));
  }

  /** "120/2000 (6%)" for counted stages; "" (or "done" once the task succeeded) otherwise. */
  String progressText(boolean taskCompleted) {
    if (!counted()) {
      return taskCompleted ? "done" : "";
    }
    long percent = total == 0 ? 100 : processed * 100 / total;
    return processed + "/" + total + " (" + percent + "%)";
  }

  StageSnapshot snapshot(Instant now) {
    return new StageSnapshot(
        name,
        order,
        state,
        message,
        counted() ? processed : null,
        total,
        startedAt,
        completedAt,
        estimatedCompletion(now),
        itemsPerSecond(now));
  }
}
