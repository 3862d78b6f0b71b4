package us.anth.plexus.runner.publish;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import us.anth.plexus.runner.progress.ProgressEvent;
import us.anth.plexus.runner.progress.StageSnapshot;
import us.anth.plexus.store.MonotonicSequence;
import us.anth.plexus.store.StageUpdate;
import us.anth.plexus.store.TaskRunnerUpdate;
import us.anth.plexus.store.TaskStores;
import us.anth.plexus.store.WriteResult;

/**
 * Writes snapshots to the dashboard's DynamoDB records: the TaskStages that changed since the last
 * write, then the runner's Task fields (never {@code status}: the operator owns it). Writes are
 * numbered by a {@link MonotonicSequence} (above any earlier pod's), so a stale or retried write
 * never replaces a newer one; snapshots older than the last one written are skipped. An unreachable
 * DynamoDB throws, so the publisher retries the latest state with backoff. One sink serves one run.
 * When the command owns its progress ({@link #followCommandProgress}) no TaskStage is written and
 * the command's own records are read back instead.
 */
public final class DynamoTaskSink implements ProgressSink, AutoCloseable {
  private final TaskStores stores;
  private final Consumer<String> log;
  private final MonotonicSequence sequence = new MonotonicSequence();
  private final Map<String, StageUpdate> writtenStages = new HashMap<>();
  private TaskRunnerUpdate writtenTask;
  private long lastSnapshot;
  private boolean warned;
  private volatile StageRecordFollower commandProgress;

  public DynamoTaskSink(TaskStores stores, Consumer<String> log) {
    this.stores = stores;
    this.log = log;
  }

  @Override
  public String name() {
    return "dynamodb";
  }

  @Override
  public void publish(TaskSnapshot snapshot) {
    String taskId = snapshot.task().taskIdOrNull();
    if (taskId == null) {
      warnOnce("the task has no taskId; DynamoDB records are not written for this run");
      return;
    }
    if (snapshot.sequence() <= lastSnapshot) {
      return;
    }
    for (StageSnapshot stage :
        commandProgress == null ? snapshot.stages() : List.<StageSnapshot>of()) {
      StageUpdate unnumbered = DynamoRecords.stage(taskId, stage, 0);
      if (!unnumbered.equals(writtenStages.get(stage.name()))) {
        check(stores.stages().upsert(DynamoRecords.stage(taskId, stage, next())));
        writtenStages.put(stage.name(), unnumbered);
      }
    }
    TaskRunnerUpdate task = ownProgress(DynamoRecords.task(taskId, snapshot, 0));
    boolean nothingOfOurs = commandProgress != null && !snapshot.isFinal();
    if (!nothingOfOurs && !task.equals(writtenTask)) {
      WriteResult result =
          stores
              .tasks()
              .updateRunnerState(taskId, ownProgress(DynamoRecords.task(taskId, snapshot, next())));
      if (result.outcome() == WriteResult.Outcome.NOT_FOUND) {
        warnOnce("Task record " + taskId + " does not exist; only its TaskStages are written");
      }
      check(result);
      writtenTask = task;
    }
    lastSnapshot = snapshot.sequence();
  }

  /** Without the stage pointer and estimate when the command owns its progress. */
  private TaskRunnerUpdate ownProgress(TaskRunnerUpdate update) {
    return commandProgress == null ? update : DynamoRecords.withoutProgress(update);
  }

  private long next() {
    return sequence.next();
  }

  private static void check(WriteResult result) {
    if (result.outcome() == WriteResult.Outcome.UNAVAILABLE) {
      throw new IllegalStateException("DynamoDB unavailable: " + result.error());
    }
  }

  private void warnOnce(String message) {
    if (!warned) {
      warned = true;
      log.accept(message);
    }
  }

  @Override
  public Runnable followCommandProgress(String taskId, Consumer<ProgressEvent> events) {
    if (taskId != null && commandProgress == null) {
      commandProgress = new StageRecordFollower(stores.stages(), taskId, events, log);
    }
    StageRecordFollower follower = commandProgress;
    return follower == null ? () -> {} : follower::stop;
  }

  @Override
  public void close() {
    stores.close();
  }
}
