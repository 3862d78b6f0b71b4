package us.anth.plexus.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import us.anth.plexus.operator.model.PodStartProblem.Kind;

class PodStartProblemTest {
  private static final String CREATED = "2026-11-23T10:00:00Z";
  private static final String STARTED = "2026-11-23T10:00:05Z";

  private static Pod waiting(String phase, String reason, String message) {
    return new PodBuilder()
        .withNewMetadata()
        .withName("p-1")
        .withCreationTimestamp(CREATED)
        .endMetadata()
        .withNewStatus()
        .withPhase(phase)
        .withStartTime(STARTED)
        .addNewContainerStatus()
        .withName("runner")
        .withNewState()
        .withNewWaiting()
        .withReason(reason)
        .withMessage(message)
        .endWaiting()
        .endState()
        .endContainerStatus()
        .endStatus()
        .build();
  }

  @ParameterizedTest
  @CsvSource({
    "ErrImagePull, ImagePullFailed",
    "ImagePullBackOff, ImagePullFailed",
    "InvalidImageName, ImagePullFailed",
    "CreateContainerConfigError, ContainerConfigError",
    "CreateContainerError, ContainerConfigError"
  })
  void kubeletWaitingReasonsArePermanentProblems(String kubelet, String reason) {
    PodStartProblem problem =
        PodStartProblem.of(waiting("Pending", kubelet, "  the kubelet's words \n")).orElseThrow();
    assertThat(problem.reason()).isEqualTo(reason);
    assertThat(problem.kind()).isEqualTo(Kind.PERMANENT);
    assertThat(problem.message()).isEqualTo(kubelet + " on pod p-1: the kubelet's words");
    assertThat(problem.since()).isEqualTo(STARTED);
  }

  @Test
  void ordinaryWaitingAndPodsPastPendingAreNoProblem() {
    assertThat(PodStartProblem.of(waiting("Pending", "ContainerCreating", null))).isEmpty();
    assertThat(PodStartProblem.of(waiting("Failed", "ImagePullBackOff", null))).isEmpty();
    assertThat(PodStartProblem.of(new PodBuilder().withNewMetadata().endMetadata().build()))
        .isEmpty();
  }

  @Test
  void messageWithoutKubeletDetailAndSinceFallsBackToCreation() {
    Pod pod = waiting("Pending", "ImagePullBackOff", " ");
    pod.getStatus().setStartTime(null);
    PodStartProblem problem = PodStartProblem.of(pod).orElseThrow();
    assertThat(problem.message()).isEqualTo("ImagePullBackOff on pod p-1");
    assertThat(problem.since()).isEqualTo(CREATED);
  }

  @Test
  void unschedulablePodWaitsWithTheSchedulersMessage() {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName("p-2")
            .withCreationTimestamp(CREATED)
            .endMetadata()
            .withNewStatus()
            .withPhase("Pending")
            .addNewCondition()
            .withType("PodScheduled")
            .withStatus("False")
            .withReason("Unschedulable")
            .withMessage("0/3 nodes are available: 3 Insufficient cpu.")
            .endCondition()
            .endStatus()
            .build();
    PodStartProblem problem = PodStartProblem.of(pod).orElseThrow();
    assertThat(problem.reason()).isEqualTo("Unschedulable");
    assertThat(problem.kind()).isEqualTo(Kind.WAITING);
    assertThat(problem.message())
        .isEqualTo("pod p-2 cannot be scheduled: 0/3 nodes are available: 3 Insufficient cpu.");
  }

  @Test
  void jobWithoutPodIsSuspectedFromItsStartElseItsCreation() {
    Job job =
        new JobBuilder()
            .withNewMetadata()
            .withName("j")
            .withCreationTimestamp(CREATED)
            .endMetadata()
            .build();
    PodStartProblem unstarted = PodStartProblem.podNotCreated(job);
    assertThat(unstarted.kind()).isEqualTo(Kind.SUSPECTED);
    assertThat(unstarted.reason()).isEqualTo("PodNotCreated");
    assertThat(unstarted.message()).isEqualTo("Job j has created no pod");
    assertThat(unstarted.since()).isEqualTo(CREATED);
    job.setStatus(new io.fabric8.kubernetes.api.model.batch.v1.JobStatus());
    job.getStatus().setStartTime(STARTED);
    assertThat(PodStartProblem.podNotCreated(job).since()).isEqualTo(STARTED);
  }

  @Test
  void graceIsCountedFromSince() {
    PodStartProblem problem = new PodStartProblem("R", "m", Kind.PERMANENT, CREATED);
    Instant created = Instant.parse(CREATED);
    Duration grace = Duration.ofSeconds(300);
    assertThat(problem.graceLeft(created.plusSeconds(100), grace)).hasSeconds(200);
    assertThat(problem.graceLeft(created.plusSeconds(301), grace)).isNegative();
    PodStartProblem unknown = new PodStartProblem("R", "m", Kind.PERMANENT, "not a time");
    assertThat(unknown.graceLeft(created, grace)).isEqualTo(grace);
  }
}
