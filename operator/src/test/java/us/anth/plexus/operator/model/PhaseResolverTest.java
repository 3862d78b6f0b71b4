package us.anth.plexus.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.TaskPhase;

class PhaseResolverTest {
  private static Job job(boolean suspended, Integer active) {
    return new JobBuilder()
        .withNewMetadata()
        .withName("j")
        .endMetadata()
        .withNewSpec()
        .withSuspend(suspended)
        .withActiveDeadlineSeconds(90L)
        .endSpec()
        .withNewStatus()
        .withActive(active)
        .endStatus()
        .build();
  }

  private static Job finished(String type, String reason, int failed, int succeeded) {
    Job job = job(false, null);
    job.getStatus().setFailed(failed);
    job.getStatus().setSucceeded(succeeded);
    job.getStatus().setStartTime("2026-11-23T10:00:00Z");
    job.getStatus()
        .setConditions(
            List.of(
                new JobConditionBuilder()
                    .withType(type)
                    .withStatus("True")
                    .withReason(reason)
                    .withLastTransitionTime("2026-11-23T10:05:00Z")
                    .build()));
    return job;
  }

  private static Pod pod(String name, String created, String phase) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withCreationTimestamp(created)
        .endMetadata()
        .withNewSpec()
        .withNodeName("node-1")
        .endSpec()
        .withNewStatus()
        .withPhase(phase)
        .withStartTime(created)
        .endStatus()
        .build();
  }

  private static Pod pullingPod(String name, String created) {
    Pod pod = pod(name, created, "Pending");
    pod.getStatus()
        .setContainerStatuses(
            List.of(
                new ContainerStatusBuilder()
                    .withName("runner")
                    .withNewState()
                    .withNewWaiting()
                    .withReason("ImagePullBackOff")
                    .withMessage("Back-off pulling image \"nope\"")
                    .endWaiting()
                    .endState()
                    .build()));
    return pod;
  }

  @Test
  void newestPodThatCannotPullItsImageKeepsTheTaskPendingWithTheProblem() {
    JobObservation seen =
        PhaseResolver.resolve(
            job(false, 1),
            List.of(
                pullingPod("j-b", "2026-11-23T10:02:00Z"),
                pod("j-a", "2026-11-23T10:01:00Z", "Failed")));
    assertThat(seen.phase()).isEqualTo(TaskPhase.Pending);
    assertThat(seen.reason()).isEqualTo("ImagePullFailed");
    assertThat(seen.message())
        .isEqualTo("ImagePullBackOff on pod j-b: Back-off pulling image \"nope\"");
    assertThat(seen.startProblem().kind()).isEqualTo(PodStartProblem.Kind.PERMANENT);
    assertThat(seen.attempts()).isEqualTo(2);
  }

  @Test
  void aRunningPodWinsOverAnOlderPodsProblem() {
    JobObservation seen =
        PhaseResolver.resolve(
            job(false, 1),
            List.of(
                pod("j-b", "2026-11-23T10:02:00Z", "Running"),
                pullingPod("j-a", "2026-11-23T10:01:00Z")));
    assertThat(seen.phase()).isEqualTo(TaskPhase.Running);
    assertThat(seen.startProblem()).isNull();
  }

  @Test
  void retryPodNotYetRunningKeepsATaskThatRanRunning() {
    List<Pod> pods =
        List.of(
            pod("j-b", "2026-11-23T10:02:00Z", "Pending"),
            pod("j-a", "2026-11-23T10:01:00Z", "Failed"));
    JobObservation seen = PhaseResolver.resolve(job(false, null), pods, TaskPhase.Running);
    assertThat(seen.phase()).isEqualTo(TaskPhase.Running);
    assertThat(seen.reason()).isEqualTo("Starting");
    assertThat(seen.message()).isEqualTo("attempt 2 of Job j is waiting for its pod to start");
    assertThat(seen.attempts()).isEqualTo(2);
    assertThat(seen.workerNodeId()).isEqualTo("j-b");
    assertThat(seen.startProblem()).isNull();
    assertThat(PhaseResolver.resolve(job(false, null), pods, TaskPhase.Pending).phase())
        .as("a task that never ran is still Pending")
        .isEqualTo(TaskPhase.Pending);
  }

  @Test
  void retryPodThatCannotStartKeepsTheTaskRunningWithTheProblem() {
    List<Pod> pods =
        List.of(
            pullingPod("j-b", "2026-11-23T10:02:00Z"),
            pod("j-a", "2026-11-23T10:01:00Z", "Failed"));
    JobObservation seen = PhaseResolver.resolve(job(false, 1), pods, TaskPhase.Running);
    assertThat(seen.phase()).isEqualTo(TaskPhase.Running);
    assertThat(seen.reason()).isEqualTo("ImagePullFailed");
    assertThat(seen.startProblem().kind()).isEqualTo(PodStartProblem.Kind.PERMANENT);
    assertThat(seen.attempts()).isEqualTo(2);
    List<Pod> firstAttempt = List.of(pullingPod("j-a", "2026-11-23T10:01:00Z"));
    assertThat(PhaseResolver.resolve(job(false, 1), firstAttempt, TaskPhase.Running).phase())
        .as("a first pod counted active by the Job is not a run yet")
        .isEqualTo(TaskPhase.Pending);
  }

  @Test
  void jobWithoutPodsCarriesTheSuspectedProblemOnlyWhileNothingIsActive() {
    assertThat(PhaseResolver.resolve(job(false, null), List.of()).startProblem().reason())
        .isEqualTo("PodNotCreated");
    assertThat(PhaseResolver.resolve(job(true, null), List.of()).startProblem()).isNull();
    assertThat(PhaseResolver.resolve(job(false, 1), List.of()).phase())
        .isEqualTo(TaskPhase.Running);
  }

  @Test
  void suspendedJobIsQueued() {
    assertThat(PhaseResolver.resolve(job(true, null), List.of()).phase())
        .isEqualTo(TaskPhase.Queued);
  }

  @Test
  void unsuspendedJobWithoutPodsIsStillPending() {
    JobObservation seen = PhaseResolver.resolve(job(false, null), List.of());
    assertThat(seen.phase()).isEqualTo(TaskPhase.Pending);
    assertThat(seen.reason()).isEqualTo("Starting");
  }

  @Test
  void runningPodMakesItRunningOnTheNewestPod() {
    JobObservation seen =
        PhaseResolver.resolve(
            job(false, 1),
            List.of(
                pod("j-b", "2026-11-23T10:02:00Z", "Running"),
                pod("j-a", "2026-11-23T10:01:00Z", "Failed")));
    assertThat(seen.phase()).isEqualTo(TaskPhase.Running);
    assertThat(seen.workerNodeId()).isEqualTo("j-b");
    assertThat(seen.attempts()).isEqualTo(2);
    assertThat(seen.startedAt()).isEqualTo("2026-11-23T10:01:00Z");
  }

  @Test
  void completeConditionIsSucceeded() {
    JobObservation seen = PhaseResolver.resolve(finished("Complete", null, 0, 1), List.of());
    assertThat(seen.phase()).isEqualTo(TaskPhase.Succeeded);
    assertThat(seen.completedAt()).isEqualTo("2026-11-23T10:05:00Z");
    assertThat(seen.attempts()).isEqualTo(1);
  }

  @Test
  void deadlineExceededIsATimeout() {
    JobObservation seen =
        PhaseResolver.resolve(finished("Failed", "DeadlineExceeded", 1, 0), List.of());
    assertThat(seen.phase()).isEqualTo(TaskPhase.Failed);
    assertThat(seen.reason()).isEqualTo("DeadlineExceeded");
    assertThat(seen.message()).isEqualTo("timed out after 90s");
  }

  @Test
  void backoffLimitCountsAttempts() {
    JobObservation seen =
        PhaseResolver.resolve(finished("Failed", "BackoffLimitExceeded", 3, 0), List.of());
    assertThat(seen.message()).isEqualTo("failed after 3 attempts");
    assertThat(seen.completedAt()).isEqualTo("2026-11-23T10:05:00Z");
  }

  @Test
  void otherFailuresUseTheControllerMessage() {
    Job job = finished("Failed", "PodFailurePolicy", 1, 0);
    job.getStatus().getConditions().get(0).setMessage("Container runner exited with 127");
    assertThat(PhaseResolver.resolve(job, List.of()).message())
        .isEqualTo("Container runner exited with 127");
    assertThat(PhaseResolver.resolve(finished("Failed", null, 1, 0), List.of()).reason())
        .isEqualTo("JobFailed");
  }

  @Test
  void jobStatesClassifyForConcurrency() {
    assertThat(JobStates.isQueued(job(true, null))).isTrue();
    assertThat(JobStates.isActive(job(false, null))).isTrue();
    assertThat(JobStates.isActive(finished("Complete", null, 0, 1))).isFalse();
    assertThat(JobStates.isQueued(finished("Failed", null, 1, 0))).isFalse();
  }
}
