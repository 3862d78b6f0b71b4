package us.anth.plexus.operator.mirror;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import us.anth.plexus.api.DispatchStatus;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskSpec;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.store.DispatchState;
import us.anth.plexus.store.NewTask;
import us.anth.plexus.store.TaskPhaseUpdate;
import us.anth.plexus.store.TaskStatus;

/** Pure mapping from a PlexusTask and the operator's status to the dashboard's Task writes. */
public final class TaskRecordUpdates {
  private TaskRecordUpdates() {}

  /**
   * Pending, AwaitingApproval, Queued → PENDING; Running → RUNNING; Succeeded → COMPLETED; rest
   * FAILED.
   */
  public static TaskStatus status(TaskPhase phase) {
    return switch (phase == null ? TaskPhase.Pending : phase) {
      case Pending, AwaitingApproval, Queued -> TaskStatus.PENDING;
      case Running -> TaskStatus.RUNNING;
      case Succeeded -> TaskStatus.COMPLETED;
      case Failed, Cancelled -> TaskStatus.FAILED;
    };
  }

  /** The operator's part of the Task record for this reconcile. */
  public static TaskPhaseUpdate phase(PlexusTask task, PlexusTaskStatus operator) {
    TaskPhase phase = operator.getPhase();
    TaskPhaseUpdate update =
        TaskPhaseUpdate.to(status(phase))
            .dispatchStatus(
                operator.getDispatchStatus() == DispatchStatus.ERROR
                    ? DispatchState.ERROR
                    : DispatchState.DISPATCHED)
            .startedAt(instant(operator.getStartedAt()))
            .completedAt(instant(operator.getCompletedAt()))
            .workerNodeId(operator.getWorkerNodeId())
            .kubernetes(kubernetes(task, operator));
    if (phase == TaskPhase.Cancelled) {
      return update.error(cancelMessage(operator), errorDetails(task, operator));
    }
    if (phase == TaskPhase.Failed) {
      return update.error(errorMessage(task, operator), errorDetails(task, operator));
    }
    return update;
  }

  /** The record created for a task that has no taskId (e.g. applied with kubectl). */
  public static NewTask newTask(PlexusTask task) {
    PlexusTaskSpec spec = task.getSpec();
    return new NewTask(
        spec.getAccountId(),
        spec.getType(),
        spec.getTarget(),
        spec.getCommand(),
        spec.getDescription(),
        spec.getMetadata() == null ? null : spec.getMetadata().toString(),
        spec.getScorecardId(),
        spec.getScoreId());
  }

  /**
   * {@code metadata.kubernetes}: the task's namespace, name and uid, its Job and pool, its audit
   * {@code history} and {@code rollback} state (the dashboard reads them from the Task record).
   */
  static Map<String, Object> kubernetes(PlexusTask task, PlexusTaskStatus operator) {
    Map<String, Object> ref = new LinkedHashMap<>();
    putIfSet(ref, "namespace", task.getMetadata().getNamespace());
    putIfSet(ref, "name", task.getMetadata().getName());
    putIfSet(ref, "uid", task.getMetadata().getUid());
    putIfSet(ref, "job", operator.getJobName());
    putIfSet(ref, "pool", operator.getPool());
    if (operator.getHistory() != null && !operator.getHistory().isEmpty()) {
      ref.put("history", Serialization.jsonMapper().valueToTree(operator.getHistory()));
    }
    if (operator.getRollback() != null) {
      ref.put("rollback", Serialization.jsonMapper().valueToTree(operator.getRollback()));
    }
    return ref;
  }

  /**
   * "Cancelled by X" for spec.cancel; the operator's own message (a deleted task: "Cancelled:
   * PlexusTask deleted ...") when nobody is named.
   */
  private static String cancelMessage(PlexusTaskStatus operator) {
    if (operator.getCancelledBy() != null) {
      return "Cancelled by " + operator.getCancelledBy();
    }
    return operator.getErrorMessage() != null ? operator.getErrorMessage() : "Cancelled by unknown";
  }

  private static String errorMessage(PlexusTask task, PlexusTaskStatus operator) {
    if (operator.getErrorMessage() != null) {
      return operator.getErrorMessage();
    }
    return task.getStatus() == null ? null : task.getStatus().getErrorMessage();
  }

  /** AWSJSON: phase, attempts, Job, exit code and the runner's details when known. */
  public static String errorDetails(PlexusTask task, PlexusTaskStatus operator) {
    ObjectNode details = JsonNodeFactory.instance.objectNode();
    details.put("phase", String.valueOf(operator.getPhase()));
    if (operator.getAttempts() != null) {
      details.put("attempts", operator.getAttempts());
    }
    if (operator.getJobName() != null) {
      details.put("job", operator.getJobName());
    }
    PlexusTaskStatus runner = task.getStatus();
    if (runner != null && runner.getExitCode() != null) {
      details.put("exitCode", runner.getExitCode());
    }
    if (runner != null && runner.getErrorDetails() != null) {
      details.put("details", runner.getErrorDetails());
    }
    if (operator.getCancelledAt() != null) {
      details.put("cancelledAt", operator.getCancelledAt());
    }
    return details.toString();
  }

  private static void putIfSet(Map<String, Object> map, String key, String value) {
    if (value != null && !value.isBlank()) {
      map.put(key, value);
    }
  }

  private static Instant instant(String text) {
    try {
      return text == null || text.isBlank() ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
