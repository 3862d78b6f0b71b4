package us.anth.plexus.runner.publish;

import java.util.function.Consumer;
import us.anth.plexus.runner.progress.ProgressEvent;
import us.anth.plexus.store.MonotonicSequence;
import us.anth.plexus.store.StageUpdate;
import us.anth.plexus.store.TaskRunnerUpdate;
import us.anth.plexus.store.TaskStores;
import us.anth.plexus.store.WriteResult;

/**
 * Writes snapshots to the dashboard's DynamoDB records: the TaskStages that changed since the last
 * write, then the runner's Task fields (never {@code status}: the operator owns it), with the loop
 * shared with {@link AppSyncTaskSink} ({@link RecordPublisher}). Writes are numbered by a {@link
 * MonotonicSequence} (above any earlier pod's), so a stale or retried write never replaces a newer
 * one. An unreachable DynamoDB throws, so the publisher retries the latest state with backoff. One
 * sink serves one run. When the command owns its progress ({@link #followCommandProgress}) no
 * TaskStage is written and the command's own records are read back instead.
 */
public final class DynamoTaskSink implements ProgressSink, AutoCloseable {
  private final TaskStores stores;
  private final Consumer<String> log;
  private final MonotonicSequence sequence = new MonotonicSequence();
  private final RecordPublisher records;
  private volatile StageRecordFollower commandProgress;

  public DynamoTaskSink(TaskStores stores, Consumer<String> log) {
    this.stores = stores;
    this.log = log;
    this.records =
        new RecordPublisher(
            "DynamoDB",
            new RecordPublisher.Records() {
              @Override
              public WriteResult writeStage(StageUpdate stage) {
                return stores.stages().upsert(stage.numbered(sequence.next()));
              }

              @Override
              public WriteResult writeTask(String taskId, TaskRunnerUpdate task) {
                return stores.tasks().updateRunnerState(taskId, task.numbered(sequence.next()));
              }

              @Override
              public void check(WriteResult result) {
                if (result.outcome() == WriteResult.Outcome.UNAVAILABLE) {
                  throw new IllegalStateException("DynamoDB unavailable: " + result.error());
                }
              }
            },
            log);
  }

  @Override
  public String name() {
    return "dynamodb";
  }

  @Override
  public void publish(TaskSnapshot snapshot) {
    records.publish(snapshot);
  }

  @Override
  public Runnable followCommandProgress(String taskId, Consumer<ProgressEvent> events) {
    if (taskId != null && commandProgress == null) {
      records.commandOwnsProgress();
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
