package us.anth.plexus.operator.model;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import java.util.Optional;
import us.anth.plexus.api.TaskPhase;

/** The end of a Job read from its conditions: Succeeded, Failed (with a readable why), or none. */
final class JobOutcome {
  private JobOutcome() {}

  /** The final observation when the Job has completed or failed; empty while it has not. */
  static Optional<JobObservation> of(Job job, String worker, int attempts, String startedAt) {
    JobStatus status = job.getStatus() == null ? new JobStatus() : job.getStatus();
    Optional<JobCondition> complete = trueCondition(status, "Complete", "SuccessCriteriaMet");
    if (complete.isPresent()) {
      String completedAt =
          orElse(status.getCompletionTime(), complete.get().getLastTransitionTime());
      return Optional.of(
          new JobObservation(
              TaskPhase.Succeeded,
              "Succeeded",
              "Job " + name(job) + " completed",
              worker,
              attempts,
              startedAt,
              completedAt,
              null));
    }
    return trueCondition(status, "Failed", "FailureTarget")
        .map(
            failed ->
                new JobObservation(
                    TaskPhase.Failed,
                    orElse(failed.getReason(), "JobFailed"),
                    failureMessage(job, failed, attempts),
                    worker,
                    attempts,
                    startedAt,
                    failed.getLastTransitionTime(),
                    null));
  }

  /** One readable line: the timeout, the attempts used, or the Job controller's message. */
  static String failureMessage(Job job, JobCondition condition, int attempts) {
    if (PhaseResolver.DEADLINE_EXCEEDED.equals(condition.getReason())) {
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

  private static String name(Job job) {
    return job.getMetadata().getName();
  }

  private static String orElse(String value, String fallback) {
    return value != null ? value : fallback;
  }
}
