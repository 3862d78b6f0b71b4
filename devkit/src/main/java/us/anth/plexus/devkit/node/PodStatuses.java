package us.anth.plexus.devkit.node;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.util.List;

/**
 * Pure builders of the pod statuses a kubelet writes through {@code pods/status}: Running with a
 * running container, Succeeded/Failed with the container's exit code, and a container that could
 * not be created. Applied as strategic-merge patches, so the scheduler's PodScheduled condition
 * stays.
 */
public final class PodStatuses {
  public static final String HOST_IP = "127.0.0.1";

  private PodStatuses() {}

  /** Running: container started at {@code startedAt}, pod Ready. */
  public static PodStatus running(Pod pod, String startedAt) {
    ContainerState state =
        new ContainerStateBuilder().withNewRunning().withStartedAt(startedAt).endRunning().build();
    return podStatus(
        "Running",
        startedAt,
        containerStatus(pod, true, state),
        condition("PodReadyToStartContainers", "True", null, startedAt),
        condition("Initialized", "True", null, startedAt),
        condition("ContainersReady", "True", null, startedAt),
        condition("Ready", "True", null, startedAt));
  }

  /** Succeeded (exit code 0) or Failed, with the container terminated by {@code exitCode}. */
  public static PodStatus terminated(Pod pod, int exitCode, String startedAt, String finishedAt) {
    return terminated(pod, exitCode, null, startedAt, finishedAt);
  }

  /** As {@link #terminated(Pod, int, String, String)}, with the container's termination message. */
  public static PodStatus terminated(
      Pod pod, int exitCode, String message, String startedAt, String finishedAt) {
    ContainerState state =
        new ContainerStateBuilder()
            .withNewTerminated()
            .withExitCode(exitCode)
            .withMessage(message)
            .withReason(exitCode == 0 ? "Completed" : "Error")
            .withStartedAt(startedAt)
            .withFinishedAt(finishedAt)
            .withContainerID(containerId(pod))
            .endTerminated()
            .build();
    return podStatus(
        exitCode == 0 ? "Succeeded" : "Failed",
        startedAt,
        containerStatus(pod, false, state),
        condition("PodReadyToStartContainers", "False", null, finishedAt),
        condition("ContainersReady", "False", "PodCompleted", finishedAt),
        condition("Ready", "False", "PodCompleted", finishedAt));
  }

  /** Pending with the container waiting for {@code reason} (e.g. CreateContainerConfigError). */
  public static PodStatus waiting(Pod pod, String reason, String message, String now) {
    ContainerState state =
        new ContainerStateBuilder()
            .withNewWaiting()
            .withReason(reason)
            .withMessage(message)
            .endWaiting()
            .build();
    return podStatus("Pending", now, containerStatus(pod, false, state));
  }

  private static PodStatus podStatus(
      String phase, String startTime, ContainerStatus container, PodCondition... conditions) {
    return new PodStatusBuilder()
        .withPhase(phase)
        .withHostIP(HOST_IP)
        .withPodIP("Pending".equals(phase) ? null : HOST_IP)
        .withStartTime(startTime)
        .withConditions(conditions.length == 0 ? null : List.of(conditions))
        .withContainerStatuses(container)
        .build();
  }

  /** A never-started pod ended by its deletion: Failed, container terminated with 137. */
  public static PodStatus abandoned(Pod pod, String now) {
    PodStatus status = terminated(pod, 137, now, now);
    status
        .getContainerStatuses()
        .get(0)
        .getState()
        .getTerminated()
        .setReason("ContainerStatusUnknown");
    return status;
  }

  private static ContainerStatus containerStatus(Pod pod, boolean running, ContainerState state) {
    Container container = pod.getSpec().getContainers().get(0);
    return new ContainerStatusBuilder()
        .withName(container.getName())
        .withImage(container.getImage())
        .withImageID("plexus-node-agent://" + container.getImage())
        .withContainerID(containerId(pod))
        .withRestartCount(0)
        .withReady(running)
        .withStarted(running)
        .withState(state)
        .build();
  }

  private static String containerId(Pod pod) {
    return "plexus-node-agent://" + pod.getMetadata().getUid();
  }

  private static PodCondition condition(String type, String status, String reason, String time) {
    return new PodConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withLastTransitionTime(time)
        .build();
  }
}
