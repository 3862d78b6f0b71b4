package us.anth.plexus.operator.model;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Set;

/** Classifies a Job for concurrency accounting: finished, queued (suspended) or active. */
public final class JobStates {
  private static final Set<String> FINAL_CONDITIONS =
      Set.of("Complete", "Failed", "SuccessCriteriaMet", "FailureTarget");

  private JobStates() {}

  /** Whether the Job has completed or failed (or is being deleted). */
  public static boolean isFinished(Job job) {
    if (job.getMetadata().getDeletionTimestamp() != null) {
      return true;
    }
    return job.getStatus() != null
        && job.getStatus().getConditions() != null
        && job.getStatus().getConditions().stream()
            .anyMatch(c -> FINAL_CONDITIONS.contains(c.getType()) && "True".equals(c.getStatus()));
  }

  /** Whether the Job waits, suspended, for a slot. */
  public static boolean isQueued(Job job) {
    return !isFinished(job) && Boolean.TRUE.equals(job.getSpec().getSuspend());
  }

  /** Whether the Job holds a slot of its pool. */
  public static boolean isActive(Job job) {
    return !isFinished(job) && !Boolean.TRUE.equals(job.getSpec().getSuspend());
  }
}
