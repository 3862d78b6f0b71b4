package us.anth.plexus.runner.publish;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import us.anth.plexus.runner.progress.StageSnapshot;
import us.anth.plexus.store.StageUpdate;
import us.anth.plexus.store.TaskRunnerUpdate;
import us.anth.plexus.store.WriteResult;
import us.anth.plexus.store.appsync.AppSyncTaskWriter;

/**
 * Writes snapshots through the dashboard's Amplify GraphQL API, so that its subscriptions fire: a
 * stage's first write is {@code createTaskStage}, later ones {@code updateTaskStage}; the runner's
 * Task fields go by {@code updateTask} (never {@code status}: the operator owns it). The same
 * records and mapping as {@link DynamoTaskSink}. An unreachable API throws (the publisher retries
 * the latest state with backoff); a refusal (bad key, validation error) is logged once per message
 * and not retried.
 */
public final class AppSyncTaskSink implements ProgressSink {
  private final AppSyncTaskWriter writer;
  private final Consumer<String> log;
  private final Map<String, StageUpdate> writtenStages = new HashMap<>();
  private final Set<String> reported = new HashSet<>();
  private TaskRunnerUpdate writtenTask;
  private long lastSnapshot;

  public AppSyncTaskSink(AppSyncTaskWriter writer, Consumer<String> log) {
    this.writer = writer;
    this.log = log;
  }

  @Override
  public String name() {
    return "appsync";
  }

  @Override
  public void publish(TaskSnapshot snapshot) {
    String taskId = snapshot.task().taskIdOrNull();
    if (taskId == null) {
      reportOnce("the task has no taskId; AppSync records are not written for this run");
      return;
    }
    if (snapshot.sequence() <= lastSnapshot) {
      return;
    }
    for (StageSnapshot stage : snapshot.stages()) {
      StageUpdate update = DynamoRecords.stage(taskId, stage, 0);
      if (!update.equals(writtenStages.get(stage.name()))) {
        check(writer.upsertStage(update));
        writtenStages.put(stage.name(), update);
      }
    }
    TaskRunnerUpdate task = DynamoRecords.task(taskId, snapshot, 0);
    if (!task.equals(writtenTask)) {
      WriteResult result = writer.updateRunnerState(taskId, task);
      if (result.outcome() == WriteResult.Outcome.NOT_FOUND) {
        reportOnce("Task record " + taskId + " does not exist; only its TaskStages are written");
      }
      check(result);
      writtenTask = task;
    }
    lastSnapshot = snapshot.sequence();
  }

  private void check(WriteResult result) {
    switch (result.outcome()) {
      case UNAVAILABLE -> throw new IllegalStateException(result.error());
      case REJECTED -> reportOnce(result.error());
      default -> {
        // applied, or the record already holds a newer state
      }
    }
  }

  private void reportOnce(String message) {
    if (reported.add(message)) {
      log.accept(message);
    }
  }
}
