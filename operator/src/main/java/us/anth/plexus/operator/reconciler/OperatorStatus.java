package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import us.anth.plexus.api.PlexusTaskStatus;

/** The operator-owned subset of a task status (see the status ownership contract). */
final class OperatorStatus {
  private OperatorStatus() {}

  /** A status holding only the operator-owned fields of {@code status} (may be null). */
  static PlexusTaskStatus copyOf(PlexusTaskStatus status) {
    PlexusTaskStatus copy = new PlexusTaskStatus();
    if (status == null) {
      return copy;
    }
    copy.setPhase(status.getPhase());
    copy.setDispatchStatus(status.getDispatchStatus());
    copy.setObservedGeneration(status.getObservedGeneration());
    copy.setConditions(
        status.getConditions() == null ? null : new ArrayList<>(status.getConditions()));
    copy.setJobName(status.getJobName());
    copy.setPool(status.getPool());
    copy.setWorkerNodeId(status.getWorkerNodeId());
    copy.setAttempts(status.getAttempts());
    copy.setStartedAt(status.getStartedAt());
    copy.setCompletedAt(status.getCompletedAt());
    copy.setCancelledBy(status.getCancelledBy());
    copy.setCancelledAt(status.getCancelledAt());
    copy.setErrorMessage(status.getErrorMessage());
    return copy;
  }

  /** Whether two operator-owned statuses serialize identically. */
  static boolean same(PlexusTaskStatus a, PlexusTaskStatus b) {
    return Serialization.asJson(a).equals(Serialization.asJson(b));
  }
}
