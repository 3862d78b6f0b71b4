package us.anth.plexus.operator.model;

import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Why a task's pod does not start, in the kubelet's and scheduler's own words, and what the
 * operator does about it after the start grace (measured from {@code since}). Pure.
 */
public record PodStartProblem(String reason, String message, Kind kind, String since) {
  public static final String IMAGE_PULL_FAILED = "ImagePullFailed";
  public static final String CONTAINER_CONFIG_ERROR = "ContainerConfigError";
  public static final String UNSCHEDULABLE = "Unschedulable";
  public static final String POD_NOT_CREATED = "PodNotCreated";

  /** How a problem is handled. */
  public enum Kind {
    /** Reported at once; the task fails when the grace ends (bad image, bad container config). */
    PERMANENT,
    /** Reported at once; never fails the task (an autoscaler may add nodes; the timeout covers). */
    WAITING,
    /** Reported only once the grace has ended; never fails the task (a Job without any pod). */
    SUSPECTED
  }

  private static final Map<String, String> WAITING_REASONS =
      Map.of(
          "ErrImagePull", IMAGE_PULL_FAILED,
          "ImagePullBackOff", IMAGE_PULL_FAILED,
          "InvalidImageName", IMAGE_PULL_FAILED,
          "CreateContainerConfigError", CONTAINER_CONFIG_ERROR,
          "CreateContainerError", CONTAINER_CONFIG_ERROR);

  /**
   * The problem of a pod still Pending, when a container waits for a bad reason or it is
   * unschedulable.
   */
  public static Optional<PodStartProblem> of(Pod pod) {
    var status = pod.getStatus();
    if (status == null || (status.getPhase() != null && !"Pending".equals(status.getPhase()))) {
      return Optional.empty();
    }
    String name = pod.getMetadata().getName();
    List<ContainerStatus> containers = new ArrayList<>();
    containers.addAll(orEmpty(status.getInitContainerStatuses()));
    containers.addAll(orEmpty(status.getContainerStatuses()));
    for (ContainerStatus container : containers) {
      ContainerStateWaiting waiting =
          container.getState() == null ? null : container.getState().getWaiting();
      String reason = waiting == null ? null : WAITING_REASONS.get(waiting.getReason());
      if (reason != null) {
        String message = waiting.getReason() + " on pod " + name + detail(waiting.getMessage());
        String since = orElse(status.getStartTime(), pod.getMetadata().getCreationTimestamp());
        return Optional.of(new PodStartProblem(reason, message, Kind.PERMANENT, since));
      }
    }
    for (PodCondition condition : orEmpty(status.getConditions())) {
      if ("PodScheduled".equals(condition.getType())
          && "False".equals(condition.getStatus())
          && UNSCHEDULABLE.equals(condition.getReason())) {
        String message = "pod " + name + " cannot be scheduled" + detail(condition.getMessage());
        String since =
            orElse(condition.getLastTransitionTime(), pod.getMetadata().getCreationTimestamp());
        return Optional.of(new PodStartProblem(UNSCHEDULABLE, message, Kind.WAITING, since));
      }
    }
    return Optional.empty();
  }

  /** A started, unsuspended Job with no pod: suspected once the grace from its start has ended. */
  public static PodStartProblem podNotCreated(Job job) {
    String since =
        job.getStatus() == null || job.getStatus().getStartTime() == null
            ? job.getMetadata().getCreationTimestamp()
            : job.getStatus().getStartTime();
    String message = "Job " + job.getMetadata().getName() + " has created no pod";
    return new PodStartProblem(POD_NOT_CREATED, message, Kind.SUSPECTED, since);
  }

  /**
   * How much of the grace is left at {@code now}: zero or negative once it has ended. An unknown or
   * unreadable {@code since} counts from {@code now} (the full grace is left).
   */
  public Duration graceLeft(Instant now, Duration grace) {
    Instant start;
    try {
      start = since == null ? now : Instant.parse(since);
    } catch (DateTimeParseException e) {
      start = now;
    }
    return Duration.between(now, start.plus(grace));
  }

  private static String detail(String message) {
    return message == null || message.isBlank() ? "" : ": " + message.strip();
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static String orElse(String value, String fallback) {
    return value != null ? value : fallback;
  }
}
