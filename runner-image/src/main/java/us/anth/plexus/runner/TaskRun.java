package us.anth.plexus.runner;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import us.anth.plexus.api.StageDeclaration;
import us.anth.plexus.runner.process.OutputCapture;
import us.anth.plexus.runner.progress.ChangeListener;
import us.anth.plexus.runner.progress.ProgressEvent;
import us.anth.plexus.runner.progress.ProgressMarkers;
import us.anth.plexus.runner.progress.ProgressTracker;
import us.anth.plexus.runner.progress.ProgressView;
import us.anth.plexus.runner.publish.RunOutput;
import us.anth.plexus.runner.publish.TaskRef;
import us.anth.plexus.runner.publish.TaskSnapshot;

/** The live state of one task run (progress, output, result) and its snapshots. */
public final class TaskRun {
  private final TaskRef task;
  private final Clock clock;
  private final Consumer<String> log;
  private final ProgressTracker tracker;
  private final OutputCapture stdout;
  private final OutputCapture stderr;
  private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong sequence = new AtomicLong();
  private final String command;
  private volatile RunResult result;

  public TaskRun(
      TaskRef task,
      List<StageDeclaration> declared,
      int tailBytes,
      Clock clock,
      Consumer<String> log) {
    this(task, "", declared, tailBytes, clock, log);
  }

  /** A run of {@code command} (as dispatched; named in the record's output documents). */
  public TaskRun(
      TaskRef task,
      String command,
      List<StageDeclaration> declared,
      int tailBytes,
      Clock clock,
      Consumer<String> log) {
    this.task = task;
    this.command = command == null ? "" : command;
    this.clock = clock;
    this.log = log;
    this.tracker = new ProgressTracker(declared, clock, this::fireChanged);
    this.stdout = new OutputCapture(tailBytes, this::outputChanged);
    this.stderr = new OutputCapture(tailBytes, this::outputChanged);
  }

  public void addListener(ChangeListener listener) {
    listeners.add(listener);
  }

  public ProgressTracker tracker() {
    return tracker;
  }

  public OutputCapture stdout() {
    return stdout;
  }

  public OutputCapture stderr() {
    return stderr;
  }

  /** Applies an event; used for marker lines and progress-file lines. */
  public void apply(ProgressEvent event) {
    tracker.apply(event);
  }

  /** Handles a line that starts with the marker prefix; false (kept as output) if malformed. */
  public boolean acceptMarker(String line) {
    try {
      apply(ProgressMarkers.parseLine(line, why -> log.accept(why + ": " + line)));
      return true;
    } catch (IllegalArgumentException e) {
      log.accept("ignored malformed progress marker (" + e.getMessage() + "): " + line);
      return false;
    }
  }

  /** Output changed: a plain (coalesced) change. */
  public void outputChanged() {
    fireChanged(false);
  }

  /** Records how the command ended and completes or fails the stages. */
  public void finish(RunResult outcome) {
    result = outcome;
    if (outcome.succeeded()) {
      tracker.succeed();
    } else {
      tracker.fail(outcome.reason());
    }
  }

  public RunResult result() {
    return result;
  }

  /** The current state as an immutable snapshot. */
  public TaskSnapshot snapshot() {
    ProgressView view = tracker.view();
    RunResult done = result;
    return new TaskSnapshot(
        task,
        sequence.incrementAndGet(),
        clock.instant(),
        view.status(),
        view.currentStage(),
        view.progress(),
        view.estimatedCompletionAt(),
        view.stages(),
        done == null ? null : done.exitCode(),
        done == null ? null : done.errorMessage(),
        done == null ? null : done.errorDetails(),
        stdout.tail(),
        stderr.tail(),
        stdout.bytes(),
        stderr.bytes(),
        view.output(),
        done == null ? null : runOutput());
  }

  private RunOutput runOutput() {
    return new RunOutput(
        command, stdout.recordTail(), stdout.keptBytes(), stderr.recordTail(), stderr.keptBytes());
  }

  private void fireChanged(boolean critical) {
    listeners.forEach(l -> l.changed(critical));
  }
}
