package us.anth.plexus.operator.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import us.anth.plexus.api.DispatchStatus;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.operator.testing.TestTasks;
import us.anth.plexus.store.DispatchState;
import us.anth.plexus.store.TaskPhaseUpdate;
import us.anth.plexus.store.TaskStatus;

class TaskRecordUpdatesTest {
  @ParameterizedTest
  @CsvSource({
    "Pending, PENDING",
    "AwaitingApproval, PENDING",
    "Queued, PENDING",
    "Running, RUNNING",
    "Succeeded, COMPLETED",
    "Failed, FAILED",
    "Cancelled, FAILED"
  })
  void phaseMapsToTheDashboardStatus(TaskPhase phase, TaskStatus status) {
    assertThat(TaskRecordUpdates.status(phase)).isEqualTo(status);
  }

  @Test
  void runningCarriesTimesWorkerAndKubernetesIdentityWithoutBlanks() {
    PlexusTask task = TestTasks.builder().namespace("ns").name("t").uid("u-1").build();
    PlexusTaskStatus operator = new PlexusTaskStatus();
    operator.setPhase(TaskPhase.Running);
    operator.setDispatchStatus(DispatchStatus.DISPATCHED);
    operator.setStartedAt("2026-11-23T10:00:01Z");
    operator.setWorkerNodeId("job-abc-x1");
    operator.setJobName("job-abc");

    TaskPhaseUpdate update = TaskRecordUpdates.phase(task, operator);
    assertThat(update.status()).isEqualTo(TaskStatus.RUNNING);
    assertThat(update.dispatchStatus()).isEqualTo(DispatchState.DISPATCHED);
    assertThat(update.startedAt()).isEqualTo(Instant.parse("2026-11-23T10:00:01Z"));
    assertThat(update.completedAt()).isNull();
    assertThat(update.workerNodeId()).isEqualTo("job-abc-x1");
    assertThat(update.errorMessage()).isNull();
    assertThat(new java.util.LinkedHashMap<String, Object>(update.kubernetes()))
        .containsExactly(
            java.util.Map.entry("namespace", "ns"),
            java.util.Map.entry("name", "t"),
            java.util.Map.entry("uid", "u-1"),
            java.util.Map.entry("job", "job-abc"));
  }

  @Test
  void failureTakesTheRunnersMessageAndDetailsWhenTheOperatorHasNone() {
    PlexusTask task = TestTasks.builder().build();
    PlexusTaskStatus runner = new PlexusTaskStatus();
    runner.setErrorMessage("demo failure at item 40");
    runner.setErrorDetails("error: demo failure");
    runner.setExitCode(1);
    task.setStatus(runner);
    PlexusTaskStatus operator = new PlexusTaskStatus();
    operator.setPhase(TaskPhase.Failed);
    operator.setDispatchStatus(DispatchStatus.ERROR);
    operator.setAttempts(2);

    TaskPhaseUpdate update = TaskRecordUpdates.phase(task, operator);
    assertThat(update.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(update.dispatchStatus()).isEqualTo(DispatchState.ERROR);
    assertThat(update.errorMessage()).isEqualTo("demo failure at item 40");
    assertThat(update.errorDetails())
        .isEqualTo(
            "{\"phase\":\"Failed\",\"attempts\":2,\"exitCode\":1,\"details\":\"error: demo failure\"}");
  }

  @Test
  void cancelSaysWho() {
    PlexusTaskStatus operator = new PlexusTaskStatus();
    operator.setPhase(TaskPhase.Cancelled);
    operator.setCancelledBy("alice");
    TaskPhaseUpdate update = TaskRecordUpdates.phase(TestTasks.builder().build(), operator);
    assertThat(update.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(update.errorMessage()).isEqualTo("Cancelled by alice");
  }

  @Test
  void deletionWithoutACancelRequestKeepsTheOperatorsMessage() {
    PlexusTaskStatus operator = new PlexusTaskStatus();
    operator.setPhase(TaskPhase.Cancelled);
    operator.setErrorMessage("Cancelled: PlexusTask deleted by bob");
    operator.setCompletedAt("2026-11-23T10:05:00Z");
    TaskPhaseUpdate update = TaskRecordUpdates.phase(TestTasks.builder().build(), operator);
    assertThat(update.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(update.errorMessage()).isEqualTo("Cancelled: PlexusTask deleted by bob");
    assertThat(update.completedAt()).isEqualTo(Instant.parse("2026-11-23T10:05:00Z"));
  }
}
