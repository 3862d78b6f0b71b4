package us.anth.plexus.devkit.executor;

import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import java.util.List;

/** Job statuses as the Job controller writes them. Pure: times are parameters. */
public final class JobStatuses {
  private JobStatuses() {}

  /** One running pod. */
  public static JobStatus active(String startTime, int failed) {
    return new JobStatusBuilder()
        .withStartTime(startTime)
        .withActive(1)
        .withSucceeded(0)
        .withFailed(failed)
        .withReady(1)
        .build();
  }

  /** Suspended, no pod. */
  public static JobStatus suspended(int failed, String now) {
    return new JobStatusBuilder()
        .withActive(0)
        .withFailed(failed)
        .withConditions(condition("Suspended", "JobSuspended", "Job suspended", now))
        .build();
  }

  /** Its pod exited 0: the SuccessCriteriaMet and Complete conditions. */
  public static JobStatus complete(String startTime, String now, int failed) {
    return new JobStatusBuilder()
        .withStartTime(startTime)
        .withCompletionTime(now)
        .withActive(0)
        .withReady(0)
        .withSucceeded(1)
        .withFailed(failed)
        .withConditions(
            List.of(
                condition(
                    "SuccessCriteriaMet",
                    "CompletionsReached",
                    "Reached expected number of succeeded pods",
                    now),
                condition(
                    "Complete",
                    "CompletionsReached",
                    "Reached expected number of succeeded pods",
                    now)))
        .build();
  }

  /** Given up (e.g. BackoffLimitExceeded): the FailureTarget and Failed conditions. */
  public static JobStatus failed(
      String startTime, String now, int failed, String reason, String message) {
    return new JobStatusBuilder()
        .withStartTime(startTime)
        .withActive(0)
        .withReady(0)
        .withSucceeded(0)
        .withFailed(failed)
        .withConditions(
            List.of(
                condition("FailureTarget", reason, message, now),
                condition("Failed", reason, message, now)))
        .build();
  }

  /** Whether a Job already has a Complete or Failed condition that is True. */
  public static boolean isFinished(JobStatus status) {
    return status != null
        && status.getConditions() != null
        && status.getConditions().stream()
            .anyMatch(
                c ->
                    ("Complete".equals(c.getType()) || "Failed".equals(c.getType()))
                        && "True".equals(c.getStatus()));
  }

  private static JobCondition condition(String type, String reason, String message, String now) {
    return new JobConditionBuilder()
        .withType(type)
        .withStatus("True")
        .withReason(reason)
        .withMessage(message)
        .withLastProbeTime(now)
        .withLastTransitionTime(now)
        .build();
  }
}
