package us.anth.plexus.bridge;

import java.util.Map;
import java.util.Optional;

/** The dispatch writes the bridge makes to the DynamoDB Task record, all conditional. */
public interface DispatchRecords {
  /** PENDING → DISPATCHING; false when the record is no longer PENDING. */
  boolean claim(String taskId);

  /** The record's dispatchStatus now, read consistently; empty when the record is gone. */
  Optional<String> dispatchStatus(String taskId);

  /** DISPATCHING → DISPATCHED, noting where the PlexusTask is. */
  void markDispatched(String taskId, Map<String, String> kubernetesRef);

  /** status FAILED, dispatchStatus ERROR, errorMessage {@code message}. */
  void markFailed(String taskId, String message);

  /**
   * Counts the first attempt after a fresh claim (restarting the count); 0 when not DISPATCHING.
   */
  int firstAttempt(String taskId);

  /** Counts one more attempt on a resumed claim; returns the count, 0 when not DISPATCHING. */
  int nextAttempt(String taskId);
}
