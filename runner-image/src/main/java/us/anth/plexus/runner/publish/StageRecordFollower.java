package us.anth.plexus.runner.publish;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import us.anth.plexus.runner.progress.ProgressEvent;
import us.anth.plexus.runner.progress.ProgressEvent.Kind;
import us.anth.plexus.store.TaskStageRecord;
import us.anth.plexus.store.TaskStageStore;

/**
 * Reads back the TaskStage records a command writes through the Plexus API itself (the command owns
 * its progress) and turns their changes into progress events, so the PlexusTask status shows the
 * same stages the dashboard does. Polls every two seconds until {@link #stop}.
 */
final class StageRecordFollower {
  private static final long POLL_MILLIS = 2000;

  private final TaskStageStore stages;
  private final String taskId;
  private final Consumer<ProgressEvent> events;
  private final Consumer<String> log;
  private final Map<String, TaskStageRecord> seen = new HashMap<>();
  private final Thread thread;
  private volatile boolean stopping;

  StageRecordFollower(
      TaskStageStore stages, String taskId, Consumer<ProgressEvent> events, Consumer<String> log) {
    this.stages = stages;
    this.taskId = taskId;
    this.events = events;
    this.log = log;
    this.thread = new Thread(this::loop, "stage-records");
    thread.setDaemon(true);
    thread.start();
  }

  /** Stops polling after one last read (idempotent). */
  void stop() {
    if (stopping) {
      return;
    }
    stopping = true;
    thread.interrupt();
    try {
      thread.join(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    readOnce();
  }

  private void loop() {
    while (!stopping) {
      readOnce();
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private synchronized void readOnce() {
    List<TaskStageRecord> records;
    try {
      records = stages.listStages(taskId);
    } catch (RuntimeException e) {
      log.accept("cannot read the command's TaskStage records: " + e.getMessage());
      return;
    }
    records.stream()
        .sorted(Comparator.comparing(r -> r.order() == null ? Long.MAX_VALUE : r.order()))
        .forEach(this::apply);
  }

  /** The events that bring the tracker from what it saw of this stage to {@code now}. */
  private void apply(TaskStageRecord now) {
    TaskStageRecord before = seen.get(now.name());
    if ("PENDING".equals(now.status()) || now.name() == null) {
      return;
    }
    if (before == null) {
      Integer order = now.order() == null ? null : now.order().intValue();
      events.accept(new ProgressEvent(Kind.STAGE, now.name(), order, null, now.totalItems(), null));
    }
    if (before == null
        || !Objects.equals(before.processedItems(), now.processedItems())
        || !Objects.equals(before.totalItems(), now.totalItems())
        || !Objects.equals(before.statusMessage(), now.statusMessage())) {
      events.accept(
          new ProgressEvent(
              Kind.PROGRESS,
              now.name(),
              null,
              now.processedItems(),
              now.totalItems(),
              now.statusMessage()));
    }
    if ("COMPLETED".equals(now.status())
        && (before == null || !"COMPLETED".equals(before.status()))) {
      events.accept(new ProgressEvent(Kind.COMPLETE, now.name(), null, null, null, null));
    }
    seen.put(now.name(), now);
  }
}
