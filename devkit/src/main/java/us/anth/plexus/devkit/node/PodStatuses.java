package us.anth.plexus.devkit.node;

import io.fabric8.kubernetes.api.model.Container;
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
    Container container = container(pod);
    ContainerStatus status =
        base(pod, container)
            .withReady(true)
            .withStarted(true)
            .withNewState()
            .withNewRunning()
            .withStartedAt(startedAt)
            .endRunning()
            .endState()
            .build();
    return new PodStatusBuilder()
        .withPhase("Running")
        .withHostIP(HOST_IP)
        .withPodIP(HOST_IP)
        .withStartTime(startedAt)
        .withConditions(
            condition("PodReadyToStartContainers", "True", null, startedAt),
            condition("Initialized", "True", null, startedAt),
            condition("ContainersReady", "True", null, startedAt),
            condition("Ready", "True", null, startedAt))
        .withContainerStatuses(status)
        .build();
  }

  /** Succeeded (exit code 0) or Failed, with the container terminated by {@code exitCode}. */
  public static PodStatus terminated(Pod pod, int exitCode, String startedAt, String finishedAt) {
    Container container = container(pod);
    ContainerStatus status =
        base(pod, container)
            .withReady(false)
            .withStarted(false)
            .withNewState()
            .withNewTerminated()
            .withExitCode(exitCode)
            .withReason(exitCode == 0 ? "Completed" : "Error")
            .withStartedAt(startedAt)
            .withFinishedAt(finishedAt)
            .withContainerID(containerId(pod))
            .endTerminated()
            .endState()
            .build();
    return new PodStatusBuilder()
        .withPhase(exitCode == 0 ? "Succeeded" : "Failed")
        .withHostIP(HOST_IP)
        .withPodIP(HOST_IP)
        .withStartTime(startedAt)
        .withConditions(
            condition("PodReadyToStartContainers", "False", null, finishedAt),
            condition("ContainersReady", "False", "PodCompleted", finishedAt),
            condition("Ready", "False", "PodCompleted", finishedAt))
        .withContainerStatuses(status)
        .build();
  }

  /** Pending with the container waiting for {@code reason} (e.g. CreateContainerConfigError). */
  public static PodStatus waiting(Pod pod, String reason, String message, String now) {
    Container container = container(pod);
    ContainerStatus status =
        base(pod, container)
            .withReady(false)
            .withStarted(false)
            .withNewState()
            .withNewWaiting()
            .withReason(reason)
            .withMessage(message)
            .endWaiting()
            .endState()
            .build();
    return new PodStatusBuilder()
        .withPhase("Pending")
        .withHostIP(HOST_IP)
        .withStartTime(now)
        .withContainerStatuses(status)
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

  private static ContainerStatusBuilder base(Pod pod, Container container) {
    return new ContainerStatusBuilder()
        .withName(container.getName())
        .withImage(container.getImage())
        .withImageID("plexus-node-agent://" + container.getImage())
        .withContainerID(containerId(pod))
        .withRestartCount(0);
  }

  private static String containerId(Pod pod) {
    return "plexus-node-agent://" + pod.getMetadata().getUid();
  }

  private static Container container(Pod pod) {
    List<Container> containers = pod.getSpec().getContainers();
    return containers.get(0);
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
