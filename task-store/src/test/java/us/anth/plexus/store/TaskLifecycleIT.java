package us.anth.plexus.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A task's whole life as operator and runner write it, read back field by field. */
class TaskLifecycleIT {
  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00.000Z");

  private final MutableClock clock = new MutableClock(T0);
  private final MonotonicSequence seq = new MonotonicSequence();

  @ParameterizedTest(name = "dataStoreFields={0}")
  @ValueSource(booleans = {false, true})
  void recordsMatchTheDashboardSchema(boolean dataStoreFields) {
    LocalDynamo.Tables db = LocalDynamo.tables(dataStoreFields, clock);
    String id =
        db.tasks()
            .createTask(
                "task-1-" + dataStoreFields,
                new NewTask(
                    "acct-1",
                    "evaluation",
                    "evaluation/accuracy",
                    "plexus evaluate accuracy --scorecard sc-1",
                    "Accuracy of sc-1",
                    "{\"source\":\"kubectl\"}",
                    "sc-1",
                    "score-1"));
    String setup = TaskStageStore.stageId(id, "Setup");
    String processing = TaskStageStore.stageId(id, "Processing");
    for (String name : List.of("Finalizing", "Processing", "Setup")) {
      int order = List.of("Setup", "Processing", "Finalizing").indexOf(name) + 1;
      db.stages().upsert(StageUpdate.of(id, name, order, TaskStatus.PENDING, seq.next()));
    }

    Instant started = tick(db);
    db.tasks()
        .updatePhase(
            id,
            TaskPhaseUpdate.to(TaskStatus.RUNNING)
                .startedAt(started)
                .workerNodeId("pod-abc")
                .kubernetes(
                    Map.of("namespace", "plexus", "name", "ptask-1", "jobName", "ptask-1-job")));
    db.stages().upsert(stage(id, "Setup", 1, TaskStatus.RUNNING).times(started, null, null));
    Instant setupDone = tick(db);
    db.stages().upsert(stage(id, "Setup", 1, TaskStatus.COMPLETED).times(started, setupDone, null));
    db.stages()
        .upsert(
            stage(id, "Processing", 2, TaskStatus.RUNNING)
                .times(setupDone, null, null)
                .items(0L, 100L));
    Instant eta = setupDone.plusSeconds(20);
    db.tasks().updateRunnerState(id, TaskRunnerUpdate.progress(seq.next(), processing, null));
    tick(db);
    db.stages()
        .upsert(
            stage(id, "Processing", 2, TaskStatus.RUNNING)
                .statusMessage("50/100")
                .times(setupDone, null, eta)
                .items(50L, 100L));
    db.tasks().updateRunnerState(id, TaskRunnerUpdate.progress(seq.next(), processing, eta));
    Instant processingDone = tick(db);
    db.stages()
        .upsert(
            stage(id, "Processing", 2, TaskStatus.COMPLETED)
                .times(setupDone, processingDone, eta)
                .items(100L, 100L));
    db.stages()
        .upsert(
            stage(id, "Finalizing", 3, TaskStatus.COMPLETED)
                .times(processingDone, processingDone, null));
    db.tasks()
        .updateRunnerState(
            id, TaskRunnerUpdate.finish(seq.next(), "done\n", "", "{\"accuracy\":0.9}", null));
    Instant completed = tick(db);
    WriteResult last =
        db.tasks().updatePhase(id, TaskPhaseUpdate.to(TaskStatus.COMPLETED).completedAt(completed));

    assertThat(last.outcome()).isEqualTo(WriteResult.Outcome.APPLIED);
    TaskRecord task = db.task(id);
    assertThat(task.id()).isEqualTo(id);
    assertThat(task.accountId()).isEqualTo("acct-1");
    assertThat(task.type()).isEqualTo("evaluation");
    assertThat(task.target()).isEqualTo("evaluation/accuracy");
    assertThat(task.command()).isEqualTo("plexus evaluate accuracy --scorecard sc-1");
    assertThat(task.description()).isEqualTo("Accuracy of sc-1");
    assertThat(task.scorecardId()).isEqualTo("sc-1");
    assertThat(task.scoreId()).isEqualTo("score-1");
    assertThat(task.status()).isEqualTo("COMPLETED");
    assertThat(task.dispatchStatus()).isEqualTo("DISPATCHED");
    assertThat(AttributeJson.parseObject(task.metadata()))
        .isEqualTo(
            AttributeJson.parseObject(
                "{\"source\":\"kubectl\",\"kubernetes\":{\"namespace\":\"plexus\","
                    + "\"name\":\"ptask-1\",\"jobName\":\"ptask-1-job\"}}"));
    assertThat(task.workerNodeId()).isEqualTo("pod-abc");
    assertThat(task.currentStageId()).isEqualTo(processing);
    assertThat(task.estimatedCompletionAt()).isEqualTo("2026-11-23T09:00:22.000Z");
    assertThat(task.stdout()).isEqualTo("done\n");
    assertThat(task.stderr()).isEmpty();
    assertThat(task.output()).isEqualTo("{\"accuracy\":0.9}");
    assertThat(task.errorMessage()).isNull();
    assertThat(task.createdAt()).isEqualTo("2026-11-23T09:00:00.000Z");
    assertThat(task.startedAt()).isEqualTo("2026-11-23T09:00:01.000Z");
    assertThat(task.completedAt()).isEqualTo("2026-11-23T09:00:05.000Z");
    assertThat(task.updatedAt()).isEqualTo("2026-11-23T09:00:05.000Z");
    assertThat(task.typename()).isEqualTo("Task");
    if (dataStoreFields) {
      assertThat(task.version()).isEqualTo(6L);
      assertThat(task.lastChangedAt()).isEqualTo(completed.toEpochMilli());
      assertThat(task.deleted()).isFalse();
    } else {
      assertThat(task.version()).isNull();
      assertThat(task.lastChangedAt()).isNull();
      assertThat(task.deleted()).isNull();
    }

    List<TaskStageRecord> stages = db.stages().listStages(id);
    assertThat(stages)
        .extracting(TaskStageRecord::name)
        .containsExactly("Setup", "Processing", "Finalizing");
    assertThat(stages).extracting(TaskStageRecord::order).containsExactly(1L, 2L, 3L);
    assertThat(stages).extracting(TaskStageRecord::status).containsOnly("COMPLETED");
    assertThat(stages).extracting(TaskStageRecord::taskId).containsOnly(id);
    assertThat(stages).extracting(TaskStageRecord::typename).containsOnly("TaskStage");
    assertThat(stages)
        .extracting(TaskStageRecord::createdAt)
        .containsOnly("2026-11-23T09:00:00.000Z");
    TaskStageRecord setupStage = stages.get(0);
    assertThat(setupStage.id()).isEqualTo(setup);
    assertThat(setupStage.processedItems()).isNull();
    assertThat(setupStage.totalItems()).isNull();
    assertThat(setupStage.startedAt()).isEqualTo("2026-11-23T09:00:01.000Z");
    assertThat(setupStage.completedAt()).isEqualTo("2026-11-23T09:00:02.000Z");
    TaskStageRecord processingStage = stages.get(1);
    assertThat(processingStage.id()).isEqualTo(processing);
    assertThat(processingStage.processedItems()).isEqualTo(100L);
    assertThat(processingStage.totalItems()).isEqualTo(100L);
    assertThat(processingStage.statusMessage()).isEqualTo("50/100");
    assertThat(processingStage.startedAt()).isEqualTo("2026-11-23T09:00:02.000Z");
    assertThat(processingStage.completedAt()).isEqualTo("2026-11-23T09:00:04.000Z");
    assertThat(processingStage.estimatedCompletionAt()).isEqualTo("2026-11-23T09:00:22.000Z");
    assertThat(processingStage.updatedAt()).isEqualTo("2026-11-23T09:00:04.000Z");
    if (dataStoreFields) {
      assertThat(stages).extracting(TaskStageRecord::version).containsExactly(3L, 4L, 2L);
      assertThat(stages).extracting(TaskStageRecord::deleted).containsOnly(false);
      assertThat(processingStage.lastChangedAt()).isEqualTo(processingDone.toEpochMilli());
    } else {
      assertThat(stages).extracting(TaskStageRecord::version).containsOnlyNulls();
      assertThat(stages).extracting(TaskStageRecord::lastChangedAt).containsOnlyNulls();
    }
  }

  private StageUpdate stage(String taskId, String name, int order, TaskStatus status) {
    return StageUpdate.of(taskId, name, order, status, seq.next());
  }

  private Instant tick(LocalDynamo.Tables db) {
    clock.advance(Duration.ofSeconds(1));
    return clock.instant();
  }
}
