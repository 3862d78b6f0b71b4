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

  /** Counts one more failed attempt to create the PlexusTask; returns the count so far. */
  int recordFailedAttempt(String taskId);
}
