package us.anth.plexus.operator.model;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.api.Timestamps;
import us.anth.plexus.api.audit.AuditEntry;
import us.anth.plexus.api.rollback.RollbackStatus;

/** The end of a rollback Job, read from its conditions and its pod's exit code (pure). */
public final class RollbackOutcome {
  private RollbackOutcome() {}

  /**
   * {@code running} ended (a new status: Succeeded or Failed, with time, exit code and message), or
   * empty while the Job runs. A missing Job ends the rollback Failed.
   */
  public static Optional<RollbackStatus> of(
      RollbackStatus running, Job job, List<Pod> pods, Instant now) {
    if (job == null) {
      return Optional.of(
          ended(
              running,
              RollbackStatus.FAILED,
              null,
              "rollback Job " + running.getJobName() + " was deleted",
              Timestamps.format(now)));
    }
    Optional<JobObservation> outcome = JobOutcome.of(job, null, pods.size(), null);
    if (outcome.isEmpty()) {
      return Optional.empty();
    }
    JobObservation seen = outcome.get();
    Integer exitCode =
        AttemptEntries.of(pods, now).stream()
            .map(AuditEntry::getExitCode)
            .filter(code -> code != null)
            .reduce((first, last) -> last)
            .orElse(null);
    boolean succeeded = seen.phase() == TaskPhase.Succeeded;
    String message =
        succeeded ? "rollback command succeeded" : "rollback command failed: " + seen.message();
    return Optional.of(
        ended(
            running,
            succeeded ? RollbackStatus.SUCCEEDED : RollbackStatus.FAILED,
            exitCode,
            message,
            seen.completedAt() == null ? Timestamps.format(now) : seen.completedAt()));
  }

  private static RollbackStatus ended(
      RollbackStatus running, String state, Integer exitCode, String message, String at) {
    RollbackStatus result = new RollbackStatus();
    result.setJobName(running.getJobName());
    result.setPool(running.getPool());
    result.setTrigger(running.getTrigger());
    result.setStartedAt(running.getStartedAt());
    result.setState(state);
    result.setExitCode(exitCode);
    result.setMessage(message);
    result.setCompletedAt(at);
    return result;
  }
}
