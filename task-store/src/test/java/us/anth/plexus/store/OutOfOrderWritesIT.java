package us.anth.plexus.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Late or stale writes leave the newer state in place and say so. */
class OutOfOrderWritesIT {
  private final LocalDynamo.Tables db = LocalDynamo.tables(true);
  private final MonotonicSequence seq = new MonotonicSequence();

  @Test
  void aDelayedRunningDoesNotOverwriteCompleted() {
    String id = newTask();
    db.tasks().updatePhase(id, TaskPhaseUpdate.to(TaskStatus.COMPLETED).completedAt(Instant.now()));

    WriteResult late =
        db.tasks().updatePhase(id, TaskPhaseUpdate.to(TaskStatus.RUNNING).workerNodeId("late-pod"));

    assertThat(late.outcome()).isEqualTo(WriteResult.Outcome.SUPERSEDED);
    assertThat(late.synced()).isTrue();
    TaskRecord task = db.task(id);
    assertThat(task.status()).isEqualTo("COMPLETED");
    assertThat(task.workerNodeId()).isNull();
    assertThat(task.version()).isEqualTo(2L);
  }

  @Test
  void oneFinalStatusNeverReplacesAnotherButRepeatsAreIdempotent() {
    String id = newTask();
    db.tasks().updatePhase(id, TaskPhaseUpdate.to(TaskStatus.FAILED).error("exit 3", null));

    assertThat(db.tasks().updatePhase(id, TaskPhaseUpdate.to(TaskStatus.COMPLETED)).outcome())
        .isEqualTo(WriteResult.Outcome.SUPERSEDED);
    assertThat(
            db.tasks()
                .updatePhase(
                    id, TaskPhaseUpdate.to(TaskStatus.FAILED).error("exit 3", "{\"exitCode\":3}"))
                .outcome())
        .isEqualTo(WriteResult.Outcome.APPLIED);
    assertThat(db.tasks().updatePhase(id, TaskPhaseUpdate.to(TaskStatus.PENDING)).outcome())
        .isEqualTo(WriteResult.Outcome.SUPERSEDED);
    TaskRecord task = db.task(id);
    assertThat(task.status()).isEqualTo("FAILED");
    assertThat(task.errorDetails()).isEqualTo("{\"exitCode\":3}");
  }

  @Test
  void aRecordWrittenByOthersIsJudgedByItsStatus() {
    String id = db.dashboardTask("acct-1", null);
    db.setTaskAttribute(id, "status", AttributeValue.fromS("COMPLETED"));

    assertThat(db.tasks().updatePhase(id, TaskPhaseUpdate.to(TaskStatus.RUNNING)).outcome())
        .isEqualTo(WriteResult.Outcome.SUPERSEDED);
    assertThat(db.task(id).status()).isEqualTo("COMPLETED");
  }

  @Test
  void oldProgressAfterNewerLeavesTheNewerCounts() {
    String id = newTask();
    long older = seq.next();
    long newer = seq.next();

    db.stages()
        .upsert(StageUpdate.of(id, "Processing", 2, TaskStatus.RUNNING, newer).items(50L, 100L));
    WriteResult stale =
        db.stages()
            .upsert(
                StageUpdate.of(id, "Processing", 2, TaskStatus.RUNNING, older).items(10L, 100L));

    assertThat(stale.outcome()).isEqualTo(WriteResult.Outcome.SUPERSEDED);
    TaskStageRecord stage = db.stages().listStages(id).get(0);
    assertThat(stage.processedItems()).isEqualTo(50L);
    assertThat(stage.version()).isEqualTo(1L);
  }

  @Test
  void anOlderRunnerWriteAfterANewerOneIsDropped() {
    String id = newTask();
    long older = seq.next();
    long newer = seq.next();

    db.tasks().updateRunnerState(id, TaskRunnerUpdate.progress(newer, "stage-b", null));
    WriteResult stale =
        db.tasks().updateRunnerState(id, TaskRunnerUpdate.progress(older, "stage-a", null));

    assertThat(stale.outcome()).isEqualTo(WriteResult.Outcome.SUPERSEDED);
    assertThat(db.task(id).currentStageId()).isEqualTo("stage-b");
  }

  @Test
  void updatesNeverCreatePartialRecords() {
    assertThat(db.tasks().updatePhase("missing", TaskPhaseUpdate.to(TaskStatus.RUNNING)).outcome())
        .isEqualTo(WriteResult.Outcome.NOT_FOUND);
    assertThat(
            db.tasks()
                .updatePhase(
                    "missing",
                    TaskPhaseUpdate.to(TaskStatus.RUNNING).kubernetes(Map.of("name", "x")))
                .outcome())
        .isEqualTo(WriteResult.Outcome.NOT_FOUND);
    assertThat(
            db.tasks()
                .updateRunnerState("missing", TaskRunnerUpdate.progress(seq.next(), "s", null))
                .outcome())
        .isEqualTo(WriteResult.Outcome.NOT_FOUND);
    assertThat(db.tasks().find("missing")).isEmpty();
  }

  private String newTask() {
    return db.tasks().createTask(NewTask.of("acct-1", "demo", "demo/x", "demo"));
  }
}
