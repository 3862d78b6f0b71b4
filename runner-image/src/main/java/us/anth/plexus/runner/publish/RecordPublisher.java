package us.anth.plexus.runner.publish;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import us.anth.plexus.runner.progress.StageSnapshot;
import us.anth.plexus.store.StageUpdate;
import us.anth.plexus.store.TaskRunnerUpdate;
import us.anth.plexus.store.WriteResult;

/**
 * The publish loop the record sinks share ({@link DynamoTaskSink}, {@link AppSyncTaskSink}): skips
 * snapshots older than the last one written, writes the TaskStages that changed since, then the
 * runner's Task fields when they changed; while the command owns its progress, no stage and no
 * stage pointer, and nothing at all before the final snapshot. Each log message is logged once.
 */
final class RecordPublisher {
  /** How one sink writes and judges its records. */
  interface Records {
    /** Writes a stage (unnumbered: the sink numbers it if it orders its writes). */
    WriteResult writeStage(StageUpdate stage);

    /** Writes the runner's Task fields (unnumbered, as above). */
    WriteResult writeTask(String taskId, TaskRunnerUpdate task);

    /** Throws for an outage (the publisher then retries the latest state); else returns. */
    void check(WriteResult result);
  }

  private final String label;
  private final Records records;
  private final Consumer<String> log;
  private final Set<String> reported = new HashSet<>();
  private final Map<String, StageUpdate> writtenStages = new HashMap<>();
  private TaskRunnerUpdate writtenTask;
  private long lastSnapshot;
  private volatile boolean commandOwnsProgress;

  /** {@code label} names the records in log lines, e.g. {@code DynamoDB}. */
  RecordPublisher(String label, Records records, Consumer<String> log) {
    this.label = label;
    this.records = records;
    this.log = log;
  }

  void publish(TaskSnapshot snapshot) {
    String taskId = snapshot.task().taskIdOrNull();
    if (taskId == null) {
      reportOnce("the task has no taskId; " + label + " records are not written for this run");
      return;
    }
    if (snapshot.sequence() <= lastSnapshot) {
      return;
    }
    for (StageSnapshot stage : commandOwnsProgress ? List.<StageSnapshot>of() : snapshot.stages()) {
      StageUpdate update = DynamoRecords.stage(taskId, stage, 0);
      if (!update.equals(writtenStages.get(stage.name()))) {
        records.check(records.writeStage(update));
        writtenStages.put(stage.name(), update);
      }
    }
    TaskRunnerUpdate task = DynamoRecords.task(taskId, snapshot, 0);
    if (commandOwnsProgress) {
      task = DynamoRecords.withoutProgress(task);
    }
    boolean nothingOfOurs = commandOwnsProgress && !snapshot.isFinal();
    if (!nothingOfOurs && !task.equals(writtenTask)) {
      WriteResult result = records.writeTask(taskId, task);
      if (result.outcome() == WriteResult.Outcome.NOT_FOUND) {
        reportOnce("Task record " + taskId + " does not exist; only its TaskStages are written");
      }
      records.check(result);
      writtenTask = task;
    }
    lastSnapshot = snapshot.sequence();
  }

  /** From now on the command owns its stages and status (see the class comment). */
  void commandOwnsProgress() {
    commandOwnsProgress = true;
  }

  /** Logs {@code message} unless it was logged before. */
  void reportOnce(String message) {
    if (reported.add(message)) {
      log.accept(message);
    }
  }
}
