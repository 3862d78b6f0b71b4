package us.anth.plexus.operator.model;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import us.anth.plexus.api.TaskPhase;

/**
 * Derives a task's phase from its Job's conditions and its pods, along Pending → Queued → Running →
 * final: a Pending newest pod that cannot start (see {@link PodStartProblem}) keeps the task
 * Pending with the problem as reason; a retry's pod of a task already Running keeps it Running with
 * the retry's problem or state as reason. Pure.
 */
public final class PhaseResolver {
  public static final String DEADLINE_EXCEEDED = "DeadlineExceeded";

  private PhaseResolver() {}

  /** The observation for a Job seen for the first time (no earlier phase). */
  public static JobObservation resolve(Job job, List<Pod> pods) {
    return resolve(job, pods, null);
  }

  /**
   * The observation for an existing Job and the pods carrying its job-name label; {@code previous}
   * is the task's phase before (a task once Running does not go back to Pending).
   */
  public static JobObservation resolve(Job job, List<Pod> pods, TaskPhase previous) {
    JobStatus status = job.getStatus() == null ? new JobStatus() : job.getStatus();
    List<Pod> ordered =
        pods.stream()
            .sorted(Comparator.comparing(p -> orEmpty(p.getMetadata().getCreationTimestamp())))
            .toList();
    Pod newest = ordered.isEmpty() ? null : ordered.get(ordered.size() - 1);
    String worker = newest == null ? null : newest.getMetadata().getName();
    int attempts =
        Math.max(
            ordered.size(),
            count(status.getSucceeded()) + count(status.getFailed()) + count(status.getActive()));
    String startedAt =
        status.getStartTime() != null ? status.getStartTime() : firstPodStart(ordered);
    Optional<JobObservation> outcome = JobOutcome.of(job, worker, attempts, startedAt);
    if (outcome.isPresent()) {
      return outcome.get();
    }
    if (Boolean.TRUE.equals(job.getSpec().getSuspend())) {
      String message = "Job " + name(job) + " is suspended until its pool has a free slot";
      return new JobObservation(
          TaskPhase.Queued, "Queued", message, null, attempts, null, null, null);
    }
    boolean podRunning = ordered.stream().anyMatch(PhaseResolver::isRunning);
    boolean wasRunning = previous == TaskPhase.Running && isRetry(ordered, status);
    Optional<PodStartProblem> problem =
        podRunning || newest == null ? Optional.empty() : PodStartProblem.of(newest);
    if (problem.isPresent()) {
      return new JobObservation(
          wasRunning ? TaskPhase.Running : TaskPhase.Pending,
          problem.get().reason(),
          problem.get().message(),
          worker,
          attempts,
          startedAt,
          null,
          problem.get());
    }
    if (count(status.getActive()) > 0 || podRunning) {
      String message = "running on pod " + worker;
      return new JobObservation(
          TaskPhase.Running, "Running", message, worker, attempts, startedAt, null, null);
    }
    return new JobObservation(
        wasRunning ? TaskPhase.Running : TaskPhase.Pending,
        "Starting",
        wasRunning
            ? "attempt " + attempts + " of Job " + name(job) + " is waiting for its pod to start"
            : "Job " + name(job) + " created; waiting for its pod to start",
        worker,
        attempts,
        startedAt,
        null,
        newest == null ? PodStartProblem.podNotCreated(job) : null);
  }

  /**
   * Whether the newest pod is a later attempt (an earlier pod exists or failed). A first pod still
   * starting can look Running by the Job's active count, so only a retry keeps that phase.
   */
  private static boolean isRetry(List<Pod> ordered, JobStatus status) {
    return ordered.size() > 1 || count(status.getFailed()) > 0;
  }

  private static boolean isRunning(Pod pod) {
    return pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase());
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
}
