package us.anth.plexus.runner.progress;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import us.anth.plexus.api.StageDeclaration;
import us.anth.plexus.api.StageState;

/**
 * The task's progress with the semantics of Plexus's TaskProgressTracker: counts clamped to
 * 0..total, items/s since the stage started, ETA once a stage is 10% done, setup stages without
 * counts, a failure marks the running stage FAILED "Error: ...", success completes every stage.
 * Applies the command's events under one lock ({@link StageList} holds the stage rules) and tells
 * the listener of each change.
 */
public final class ProgressTracker {
  /** Stage used when a command reports progress before naming any stage. */
  public static final String DEFAULT_STAGE = "Running";

  private final Clock clock;
  private final ChangeListener listener;
  private final StageList stages;
  private StageState status = StageState.RUNNING;
  private Instant finishedAt;
  private String reportedError;
  private String output;

  public ProgressTracker(List<StageDeclaration> declared, Clock clock, ChangeListener listener) {
    this.clock = clock;
    this.listener = listener;
    this.stages = new StageList(declared);
  }

  /** Applies one event reported by the command. */
  public void apply(ProgressEvent e) {
    switch (e.kind()) {
      case STAGE -> startStage(e.stage(), e.order(), e.total(), e.message());
      case PROGRESS -> progress(e.stage(), e.processed(), e.total(), e.message());
      case COMPLETE -> completeStage(e.stage());
      case ERROR -> {
        if (e.message() != null) {
          update(() -> reportedError = e.message());
        }
      }
      case OUTPUT -> {
        if (e.message() != null) { // an event without output never clears it
          update(() -> output = e.message());
        }
      }
    }
  }

  /** Starts a stage (declared or new); the running stage, if another, completes. */
  public void startStage(String requestedName, Integer order, Long total, String message) {
    String name = requestedName == null ? DEFAULT_STAGE : requestedName;
    synchronized (this) {
      if (status != StageState.RUNNING) {
        return;
      }
      stages.start(name, order, total, message, clock.instant());
    }
    listener.changed(true);
  }

  /** Moves a stage's counter (default: the running stage, starting one if none runs). */
  public void progress(String name, Long processed, Long total, String message) {
    boolean notRunning;
    synchronized (this) {
      Stage stage = stages.resolve(name);
      notRunning = stage == null || stage.state == StageState.PENDING;
    }
    if (notRunning) {
      startStage(name != null ? name : firstPendingOrDefault(), null, total, null);
    }
    update(
        () -> {
          Stage target = stages.resolve(name);
          if (target != null && target.state == StageState.RUNNING) {
            target.update(processed, total, message);
          }
        });
  }

  /** Ends a stage (default: the running one) successfully. */
  public void completeStage(String name) {
    synchronized (this) {
      Stage stage = stages.resolve(name);
      if (status != StageState.RUNNING || stage == null || stage.state != StageState.RUNNING) {
        return;
      }
      stage.complete(clock.instant());
    }
    listener.changed(true);
  }

  /** The command succeeded: every stage COMPLETED with processed = total. */
  public void succeed() {
    synchronized (this) {
      Instant now = clock.instant();
      stages.completeAll(now);
      status = StageState.COMPLETED;
      finishedAt = now;
    }
    listener.changed(true);
  }

  /** The command failed: the running stage becomes FAILED with "Error: message". */
  public void fail(String message) {
    synchronized (this) {
      stages.failCurrent(clock.instant(), message);
      status = StageState.FAILED;
      finishedAt = clock.instant();
    }
    listener.changed(true);
  }

  /** A consistent view for a snapshot. */
  public synchronized ProgressView view() {
    Instant now = clock.instant();
    Stage current = stages.current();
    Instant eta = null;
    if (status == StageState.COMPLETED) {
      eta = finishedAt;
    } else if (status == StageState.RUNNING && current != null) {
      eta = current.estimatedCompletion(now);
    }
    return new ProgressView(
        status,
        current == null ? null : current.name,
        current == null ? null : current.progressText(status == StageState.COMPLETED),
        eta,
        stages.snapshots(now),
        reportedError,
        output);
  }

  private void update(Runnable change) {
    synchronized (this) {
      change.run();
    }
    listener.changed(false);
  }

  private synchronized String firstPendingOrDefault() {
    return stages.firstPending().orElse(DEFAULT_STAGE);
  }
}
