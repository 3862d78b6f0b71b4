package us.anth.plexus.store;

import java.time.Instant;
import java.util.Map;

/**
 * The operator's part of a Task record: phase-derived status and dispatch status, times, errors,
 * the worker (pod) and the Kubernetes identity of task and Job (stored as {@code
 * metadata.kubernetes}). Null fields are left untouched.
 */
public record TaskPhaseUpdate(
    TaskStatus status,
    DispatchState dispatchStatus,
    Instant startedAt,
    Instant completedAt,
    String errorMessage,
    String errorDetails,
    String workerNodeId,
    Map<String, ?> kubernetes) {

  /** An update to {@code status} with nothing else set yet. */
  public static TaskPhaseUpdate to(TaskStatus status) {
    return new TaskPhaseUpdate(status, null, null, null, null, null, null, null);
  }

  public TaskPhaseUpdate dispatchStatus(DispatchState value) {
    return with(
        value, startedAt, completedAt, errorMessage, errorDetails, workerNodeId, kubernetes);
  }

  public TaskPhaseUpdate startedAt(Instant value) {
    return with(
        dispatchStatus, value, completedAt, errorMessage, errorDetails, workerNodeId, kubernetes);
  }

  public TaskPhaseUpdate completedAt(Instant value) {
    return with(
        dispatchStatus, startedAt, value, errorMessage, errorDetails, workerNodeId, kubernetes);
  }

  /** The error line and, optionally, details as a JSON object text. */
  public TaskPhaseUpdate error(String message, String detailsJson) {
    return with(
        dispatchStatus, startedAt, completedAt, message, detailsJson, workerNodeId, kubernetes);
  }

  public TaskPhaseUpdate workerNodeId(String value) {
    return with(
        dispatchStatus, startedAt, completedAt, errorMessage, errorDetails, value, kubernetes);
  }

  /**
   * E.g. {@code namespace, name, uid, jobName} (values: text, or anything Jackson turns into JSON,
   * such as the audit history): written as {@code metadata.kubernetes}, other metadata keys kept.
   */
  public TaskPhaseUpdate kubernetes(Map<String, ?> value) {
    return with(
        dispatchStatus, startedAt, completedAt, errorMessage, errorDetails, workerNodeId, value);
  }

  /** A copy with new fields; the status it moves to never changes. */
  private TaskPhaseUpdate with(
      DispatchState dispatch,
      Instant started,
      Instant completed,
      String message,
      String details,
      String worker,
      Map<String, ?> kubernetesRef) {
    return new TaskPhaseUpdate(
        status, dispatch, started, completed, message, details, worker, kubernetesRef);
  }
}
