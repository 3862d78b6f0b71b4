package us.anth.plexus.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.operator.testing.TestTasks;

class RollbackTriggerTest {
  private static PlexusTaskStatus ended(TaskPhase phase, String failedReason, String job) {
    PlexusTaskStatus status = new PlexusTaskStatus();
    status.setPhase(phase);
    status.setJobName(job);
    if (failedReason != null) {
      status.setConditions(
          Conditions.set(null, Conditions.FAILED, true, failedReason, "m", 1L, "t"));
    }
    return status;
  }

  @Test
  void runsAfterTheJobFailedForGoodOrTimedOut() {
    PlexusTask task = TestTasks.builder().rollback("undo", false).build();
    assertThat(
            RollbackTrigger.of(
                task.getSpec(), ended(TaskPhase.Failed, "BackoffLimitExceeded", "j")))
        .contains("task Failed: BackoffLimitExceeded");
    assertThat(RollbackTrigger.of(task.getSpec(), ended(TaskPhase.Failed, "DeadlineExceeded", "j")))
        .contains("task Failed: DeadlineExceeded");
    assertThat(RollbackTrigger.of(task.getSpec(), ended(TaskPhase.Failed, "PodFailurePolicy", "j")))
        .isPresent();
  }

  @Test
  void neverRunsAfterSuccessOrWhenNothingRan() {
    PlexusTask task = TestTasks.builder().rollback("undo", true).build();
    assertThat(RollbackTrigger.of(task.getSpec(), ended(TaskPhase.Succeeded, null, "j"))).isEmpty();
    assertThat(RollbackTrigger.of(task.getSpec(), ended(TaskPhase.Running, null, "j"))).isEmpty();
    assertThat(RollbackTrigger.of(task.getSpec(), ended(TaskPhase.Failed, "InvalidSpec", null)))
        .isEmpty();
    assertThat(RollbackTrigger.of(task.getSpec(), ended(TaskPhase.Failed, "ImagePullBackOff", "j")))
        .isEmpty();
    assertThat(
            RollbackTrigger.of(task.getSpec(), ended(TaskPhase.Failed, "DependencyFailed", null)))
        .isEmpty();
    PlexusTask planned = TestTasks.builder().rollback("undo", true).dryRun().build();
    assertThat(RollbackTrigger.of(planned.getSpec(), ended(TaskPhase.Failed, "JobFailed", "j")))
        .isEmpty();
    PlexusTask without = TestTasks.builder().build();
    assertThat(RollbackTrigger.of(without.getSpec(), ended(TaskPhase.Failed, "JobFailed", "j")))
        .isEmpty();
  }

  @Test
  void aCancellationRollsBackOnlyWithOnCancelAndAJob() {
    PlexusTaskStatus cancelled = ended(TaskPhase.Cancelled, null, "j");
    cancelled.setCancelledBy("alice");
    assertThat(
            RollbackTrigger.of(
                TestTasks.builder().rollback("undo", true).build().getSpec(), cancelled))
        .contains("task Cancelled by alice");
    assertThat(
            RollbackTrigger.of(
                TestTasks.builder().rollback("undo", false).build().getSpec(), cancelled))
        .isEmpty();
    assertThat(
            RollbackTrigger.of(
                TestTasks.builder().rollback("undo", true).build().getSpec(),
                ended(TaskPhase.Cancelled, null, null)))
        .isEmpty();
  }
}
