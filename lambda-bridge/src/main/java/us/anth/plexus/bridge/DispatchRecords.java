package us.anth.plexus.bridge;

import java.util.Map;
import java.util.Optional;

/** The dispatch writes the bridge makes to the DynamoDB Task record, all conditional. */
public interface DispatchRecords {
  /**
   * PENDING → DISPATCHING with workerNodeId {@link BridgeCore#DISPATCHER_ID}; false when the record
   * is no longer PENDING.
   */
  boolean claim(String taskId);

  /**
   * Counts the first attempt after a fresh claim (restarting the count) and opens a new dispatch
   * run; empty when the record is not DISPATCHING by this bridge.
   */
  Optional<DispatchClaim> firstAttempt(String taskId);

  /**
   * Counts one more attempt on a claim of this bridge that an earlier delivery left DISPATCHING;
   * empty when the record is not DISPATCHING by this bridge (another dispatcher's claim, or done).
   */
  Optional<DispatchClaim> nextAttempt(String taskId);

  /**
   * Resets a claimed record for a new run (status PENDING, the previous run's progress, output and
   * stages removed); false when it is not DISPATCHING by this bridge.
   */
  boolean startNewRun(String taskId);

  /** DISPATCHING → DISPATCHED, noting where the PlexusTask is. */
  void markDispatched(String taskId, Map<String, String> kubernetesRef);

  /** status FAILED, dispatchStatus ERROR, errorMessage {@code message}. */
  void markFailed(String taskId, String message);
}
