package us.anth.plexus.runner.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.StageState;
import us.anth.plexus.runner.progress.StageSnapshot;
import us.anth.plexus.store.StageUpdate;
import us.anth.plexus.store.TaskRunnerUpdate;
import us.anth.plexus.store.TaskStageStore;
import us.anth.plexus.store.TaskStatus;

class DynamoRecordsTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private static final StageSnapshot PROCESSING =
      new StageSnapshot(
          "Processing", 2, StageState.RUNNING, "scoring", 40L, 100L, T0, null, T0, 4.0);

  private static TaskSnapshot snapshot(StageState status, String error, Integer exitCode) {
    return snapshot(status, error, error == null ? null : "stderr tail", exitCode);
  }

  private static TaskSnapshot snapshot(
      StageState status, String error, String details, Integer exitCode) {
    return new TaskSnapshot(
        new TaskRef("ns", "t", "id-1"),
        7,
        T0,
        status,
        "Processing",
        "40/100 (40%)",
        T0.plusSeconds(60),
        List.of(PROCESSING),
        exitCode,
        error,
        details,
        "out",
        "err",
        3,
        3,
        "result",
        null);
  }

  @Test
  void stageCarriesCountsTimesAndStatus() {
    StageUpdate update = DynamoRecords.stage("id-1", PROCESSING, 42);
    assertThat(update.status()).isEqualTo(TaskStatus.RUNNING);
    assertThat(update.sequence()).isEqualTo(42);
    assertThat(update.processedItems()).isEqualTo(40L);
    assertThat(update.totalItems()).isEqualTo(100L);
    assertThat(update.startedAt()).isEqualTo(T0);
    assertThat(update.statusMessage()).isEqualTo("scoring");
  }

  @Test
  void runningSnapshotWritesOnlyTheCurrentStageAndEstimate() {
    TaskRunnerUpdate update =
        DynamoRecords.task("id-1", snapshot(StageState.RUNNING, null, null), 9);
    assertThat(update)
        .isEqualTo(
            TaskRunnerUpdate.progress(
                9, TaskStageStore.stageId("id-1", "Processing"), T0.plusSeconds(60)));
  }

  @Test
  void
      finalFailedSnapshotAddsStreamsTheErrorDocumentAndMessageButLeavesErrorDetailsToTheOperator() {
    TaskRunnerUpdate update = DynamoRecords.task("id-1", snapshot(StageState.FAILED, "boom", 3), 9);
    assertThat(update.stdout()).isEqualTo("out");
    assertThat(update.stderr()).isEqualTo("err");
    assertThat(update.output()).as("Plexus's worker writes no output after a failure").isNull();
    assertThat(update.error()).contains("error_message: boom", "stdout: out", "stderr: err");
    assertThat(update.errorMessage()).isEqualTo("boom");
    assertThat(TaskRunnerUpdate.class.getRecordComponents())
        .as("the operator's mirror is the only writer of errorDetails")
        .noneMatch(c -> c.getName().equals("errorDetails"));
  }

  @Test
  void finalSucceededSnapshotWritesTheOutputDocumentAndNoError() {
    TaskRunnerUpdate update =
        DynamoRecords.task("id-1", snapshot(StageState.COMPLETED, null, null, 0), 9);
    assertThat(update.output()).contains("task_info:", "output: result");
    assertThat(update.error()).isNull();
    assertThat(update.errorMessage()).isNull();
  }

  @Test
  void terminatedRunWritesStderrButNoErrorMessage() {
    TaskSnapshot terminated = snapshot(StageState.FAILED, null, "half way", 143);
    TaskRunnerUpdate update = DynamoRecords.task("id-1", terminated, 9);
    assertThat(update.errorMessage()).as("the operator's 'Cancelled by ...' stays").isNull();
    assertThat(update.stderr()).isEqualTo("err");
  }
}
