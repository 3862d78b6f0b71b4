package us.anth.plexus.operator.model;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import us.anth.plexus.api.TaskPhase;

/**
 * Derives a task's phase from its Job's conditions and its pods; a Pending newest pod that cannot
 * start (see {@link PodStartProblem}) keeps the task Pending with the problem as reason. Pure.
 */
public final class PhaseResolver {
  public static final String DEADLINE_EXCEEDED = "DeadlineExceeded";

  private PhaseResolver() {}

  /** The observation for an existing Job and the pods carrying its job-name label. */
  public static JobObservation resolve(Job job, List<Pod> pods) {
    JobStatus status = job.getStatus() == null ? new JobStatus() : job.getStatus();
    List<Pod> ordered =
        pods.stream()
            .sorted(Comparator.comparing(p -> orEmpty(p.getMetadata().getCreationTimestamp())))
            .toList();
    String worker =
        ordered.isEmpty() ? null : ordered.get(ordered.size() - 1).getMetadata().getName();
    int attempts =
        Math.max(
            ordered.size(),
            count(status.getSucceeded()) + count(status.getFailed()) + count(status.getActive()));
    String startedAt =
        status.getStartTime() != null ? status.getStartTime() : firstPodStart(ordered);
    Optional<JobCondition> complete = trueCondition(status, "Complete", "SuccessCriteriaMet");
    if (complete.isPresent()) {
      String completedAt =
          orElse(status.getCompletionTime(), complete.get().getLastTransitionTime());
      return new JobObservation(
          TaskPhase.Succeeded,
          "Succeeded",
          "Job " + name(job) + " completed",
          worker,
          attempts,
          startedAt,
          completedAt,
          null);
    }
    Optional<JobCondition> failed = trueCondition(status, "Failed", "FailureTarget");
    if (failed.isPresent()) {
      String reason = orElse(failed.get().getReason(), "JobFailed");
      return new JobObservation(
          TaskPhase.Failed,
          reason,
          failureMessage(job, failed.get(), attempts),
          worker,
          attempts,
          startedAt,
          failed.get().getLastTransitionTime(),
          null);
    }
    if (Boolean.TRUE.equals(job.getSpec().getSuspend())) {
      return new JobObservation(
          TaskPhase.Queued,
          "Queued",
          "Job " + name(job) + " is suspended until its pool has a free slot",
          null,
          attempts,
          null,
          null,
          null);
    }
    boolean podRunning =
        ordered.stream()
            .anyMatch(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase()));
    Optional<PodStartProblem> problem =
        podRunning || ordered.isEmpty()
            ? Optional.empty()
            : PodStartProblem.of(ordered.get(ordered.size() - 1));
    if (problem.isPresent()) {
      return new JobObservation(
          TaskPhase.Pending,
          problem.get().reason(),
          problem.get().message(),
          worker,
          attempts,
          startedAt,
          null,
          problem.get());
    }
    if (count(status.getActive()) > 0 || podRunning) {
      return new JobObservation(
          TaskPhase.Running,
          "Running",
          "running on pod " + worker,
          worker,
          attempts,
          startedAt,
          null,
          null);
    }
    return new JobObservation(
        TaskPhase.Pending,
        "Starting",
        "Job " + name(job) + " created; waiting for its pod to start",
        worker,
        attempts,
        startedAt,
        null,
        ordered.isEmpty() ? PodStartProblem.podNotCreated(job) : null);
  }

  /** One readable line: the timeout, the attempts used, or the Job controller's message. */
  static String failureMessage(Job job, JobCondition condition, int attempts) {
    if (DEADLINE_EXCEEDED.equals(condition.getReason())) {
      Long deadline = job.getSpec().getActiveDeadlineSeconds();
      return "timed out after " + (deadline == null ? "?" : deadline) + "s";
    }
    if ("BackoffLimitExceeded".equals(condition.getReason())) {
      return "failed after " + attempts + (attempts == 1 ? " attempt" : " attempts");
    }
    String message = condition.getMessage();
    return message == null || message.isBlank() ? "Job " + name(job) + " failed" : message;
  }

  private static Optional<JobCondition> trueCondition(JobStatus status, String... types) {
    if (status.getConditions() == null) {
      return Optional.empty();
    }
    for (String type : types) {
      Optional<JobCondition> found =
          status.getConditions().stream()
              .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus()))
              .findFirst();
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static String firstPodStart(List<Pod> pods) {
    return pods.stream()
        .map(p -> p.getStatus() == null ? null : p.getStatus().getStartTime())
        .filter(t -> t != null)
        .findFirst()
        .orElse(null);
  }

  private static String name(Job job) {
    return job.getMetadata().getName();
  }

  private static int count(Integer value) {
    return value == null ? 0 : value;
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  private static String orElse(String value, String fallback) {
    return value != null ? value : fallback;
  }
}
