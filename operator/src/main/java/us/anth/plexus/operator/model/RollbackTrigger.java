package us.anth.plexus.operator.model;

import java.util.Optional;
import java.util.Set;
import us.anth.plexus.api.PlexusTaskSpec;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.api.rollback.RollbackSpec;

/**
 * Decides whether a task's rollback runs (pure): after its Job failed for good (the last attempt
 * failed, a non-retryable exit code, or the deadline passed), or after a cancellation of a task
 * whose Job was created when {@code onCancel}; never after success, a dry run, or a failure before
 * anything ran (bad spec, no pool, a pod that could not start, a failed dependency).
 */
public final class RollbackTrigger {
  /** Failed reasons that mean the task's Job ran and failed (the Job controller's reasons). */
  static final Set<String> JOB_FAILURES =
      Set.of(
          "BackoffLimitExceeded",
          PhaseResolver.DEADLINE_EXCEEDED,
          "PodFailurePolicy",
          "JobFailed",
          "MaxFailedIndexesExceeded",
          "FailedIndexes");

  private RollbackTrigger() {}

  /** Why the rollback runs now, or empty when it does not. */
  public static Optional<String> of(PlexusTaskSpec spec, PlexusTaskStatus status) {
    RollbackSpec rollback = spec == null ? null : spec.getRollback();
    if (rollback == null
        || spec.dryRunRequested()
        || status == null
        || status.getJobName() == null) {
      return Optional.empty();
    }
    if (status.getPhase() == TaskPhase.Failed) {
      return Conditions.find(status.getConditions(), Conditions.FAILED)
          .filter(c -> "True".equals(c.getStatus()) && JOB_FAILURES.contains(c.getReason()))
          .map(c -> "task Failed: " + c.getReason());
    }
    if (status.getPhase() == TaskPhase.Cancelled && rollback.rollsBackOnCancel()) {
      return Optional.of(
          "task Cancelled"
              + (status.getCancelledBy() == null ? "" : " by " + status.getCancelledBy()));
    }
    return Optional.empty();
  }
}
