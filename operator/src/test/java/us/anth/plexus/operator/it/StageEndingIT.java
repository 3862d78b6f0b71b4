package us.anth.plexus.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static us.anth.plexus.operator.testing.OperatorHarness.eventually;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.StageState;
import us.anth.plexus.api.StageStatus;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.operator.testing.OnMirroredOperator;
import us.anth.plexus.operator.testing.TestTasks;
import us.anth.plexus.store.NewTask;
import us.anth.plexus.store.StageUpdate;
import us.anth.plexus.store.TaskStageRecord;
import us.anth.plexus.store.TaskStatus;

/**
 * A runner killed with SIGKILL leaves no stage half-done: the operator ends the stages it left
 * RUNNING or PENDING, in the status and in the TaskStage records, and records the pod's exit code.
 */
class StageEndingIT extends OnMirroredOperator {
  @Test
  void killedRunnersOpenStagesEndFailedWithThePodsExitCode() {
    String taskId = UUID.randomUUID().toString();
    records.createTask(taskId, NewTask.of("acct-1", "demo", ns + "/x", "demo --seconds 1"));
    harness.createTask(
        TestTasks.builder().namespace(ns).name("k").target(ns + "/x").taskId(taskId).buildNew());
    Job job = eventually().until(() -> harness.jobOf(ns, "k"), j -> j != null);
    String pod = jobController.start(job);
    eventually().until(() -> harness.status(ns, "k").getPhase() == TaskPhase.Running);
    runnerWroteStages(ns, taskId);

    jobController.terminate(ns, pod, 137, "OOMKilled");
    jobController.fail(job, "BackoffLimitExceeded", "Job has reached the specified backoff limit");

    PlexusTaskStatus status =
        eventually()
            .until(
                () -> harness.status(ns, "k"),
                s -> s.getPhase() == TaskPhase.Failed && s.getExitCode() != null);
    assertThat(status.getExitCode()).isEqualTo(137);
    Map<String, StageStatus> byName =
        status.getStages().stream().collect(Collectors.toMap(StageStatus::getName, s -> s));
    assertThat(byName.get("Setup").getStatus()).isEqualTo(StageState.COMPLETED);
    assertThat(byName.get("Processing").getStatus()).isEqualTo(StageState.FAILED);
    assertThat(byName.get("Processing").getStatusMessage())
        .startsWith("Failed while running: the task ended Failed (runner exit code 137)");
    assertThat(byName.get("Processing").getProcessedItems()).isEqualTo(40L);
    assertThat(byName.get("Finalize").getStatus()).isEqualTo(StageState.FAILED);
    eventually()
        .untilAsserted(
            () ->
                assertThat(stages.listStages(taskId))
                    .extracting(TaskStageRecord::name, TaskStageRecord::status)
                    .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Setup", "COMPLETED"),
                        org.assertj.core.groups.Tuple.tuple("Processing", "FAILED"),
                        org.assertj.core.groups.Tuple.tuple("Finalize", "FAILED")));
  }

  /** What a runner writes before it is killed: Setup done, Processing running, Finalize next. */
  private void runnerWroteStages(String ns, String taskId) {
    PlexusTaskStatus runner = new PlexusTaskStatus();
    runner.setStages(
        List.of(
            stage("Setup", 0, StageState.COMPLETED, null),
            stage("Processing", 1, StageState.RUNNING, 40L),
            stage("Finalize", 2, StageState.PENDING, null)));
    harness.patchRunnerStatus(ns, "k", runner);
    long seq = System.currentTimeMillis() * 1000 - 1_000_000;
    stages.upsert(StageUpdate.of(taskId, "Setup", 0, TaskStatus.COMPLETED, seq));
    stages.upsert(StageUpdate.of(taskId, "Processing", 1, TaskStatus.RUNNING, seq));
    stages.upsert(StageUpdate.of(taskId, "Finalize", 2, TaskStatus.PENDING, seq));
  }

  private static StageStatus stage(String name, int order, StageState state, Long processed) {
    StageStatus stage = new StageStatus();
    stage.setName(name);
    stage.setOrder(order);
    stage.setStatus(state);
    stage.setProcessedItems(processed);
    stage.setStartedAt(state == StageState.PENDING ? null : "2026-12-01T00:00:00Z");
    return stage;
  }
}
