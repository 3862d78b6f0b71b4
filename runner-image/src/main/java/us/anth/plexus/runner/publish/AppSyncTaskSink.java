package us.anth.plexus.runner.publish;

import java.util.function.Consumer;
import us.anth.plexus.runner.progress.ProgressEvent;
import us.anth.plexus.store.StageUpdate;
import us.anth.plexus.store.TaskRunnerUpdate;
import us.anth.plexus.store.WriteResult;
import us.anth.plexus.store.appsync.AppSyncTaskWriter;

/**
 * Writes snapshots through the dashboard's Amplify GraphQL API, so that its subscriptions fire: a
 * stage's first write is {@code createTaskStage}, later ones {@code updateTaskStage}; the runner's
 * Task fields go by {@code updateTask} (never {@code status}: the operator owns it). The same
 * records and loop as {@link DynamoTaskSink} ({@link RecordPublisher}). An unreachable API throws
 * (the publisher retries the latest state with backoff); a refusal (bad key, validation error) is
 * logged once per message and not retried.
 */
public final class AppSyncTaskSink implements ProgressSink {
  private final RecordPublisher records;

  public AppSyncTaskSink(AppSyncTaskWriter writer, Consumer<String> log) {
    this.records =
        new RecordPublisher(
            "AppSync",
            new RecordPublisher.Records() {
              @Override
              public WriteResult writeStage(StageUpdate stage) {
                return writer.upsertStage(stage);
              }

              @Override
              public WriteResult writeTask(String taskId, TaskRunnerUpdate task) {
                return writer.updateRunnerState(taskId, task);
              }

              @Override
              public void check(WriteResult result) {
                switch (result.outcome()) {
                  case UNAVAILABLE -> throw new IllegalStateException(result.error());
                  case REJECTED -> AppSyncTaskSink.this.records.reportOnce(result.error());
                  default -> {
                    // applied, or the record already holds a newer state
                  }
                }
              }
            },
            log);
  }

  @Override
  public String name() {
    return "appsync";
  }

  @Override
  public void publish(TaskSnapshot snapshot) {
    records.publish(snapshot);
  }

  /**
   * The command reports its own stages and status through the same API: no stage and no stage
   * pointer is written here (reading them back is the DynamoDB sink's, when configured).
   */
  @Override
  public Runnable followCommandProgress(String taskId, Consumer<ProgressEvent> events) {
    records.commandOwnsProgress();
    return () -> {};
  }
}
