package us.anth.plexus.operator.mirror;

import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.store.TaskRecordStore;
import us.anth.plexus.store.WriteResult;

/**
 * Mirrors each PlexusTask to the dashboard's DynamoDB Task record (status, dispatch status, times,
 * errors, worker pod, {@code metadata.kubernetes}). Every write is conditional and idempotent, so
 * the operator can simply write the current state again after an outage.
 */
public final class DynamoTaskRecordMirror implements TaskRecordMirror {
  private final TaskRecordStore tasks;

  public DynamoTaskRecordMirror(TaskRecordStore tasks) {
    this.tasks = tasks;
  }

  @Override
  public MirrorResult mirror(PlexusTask task, PlexusTaskStatus operatorStatus) {
    String id = recordId(task);
    WriteResult result = tasks.updatePhase(id, TaskRecordUpdates.phase(task, operatorStatus));
    return switch (result.outcome()) {
      case APPLIED, SUPERSEDED -> MirrorResult.ok();
      case NOT_FOUND -> MirrorResult.failed("Task record " + id + " does not exist in DynamoDB");
      case UNAVAILABLE, REJECTED -> MirrorResult.failed(result.error());
    };
  }

  /**
   * Creates the record of a task without {@code spec.taskId}, with the task's UID as id (a retry
   * after a crash finds it already there). Throws when DynamoDB is unavailable.
   */
  @Override
  public String assignTaskId(PlexusTask task) {
    if (hasTaskId(task)) {
      return null;
    }
    return tasks.createTask(task.getMetadata().getUid(), TaskRecordUpdates.newTask(task));
  }

  /** spec.taskId, or the UID-based id a kubectl-created task's record gets. */
  static String recordId(PlexusTask task) {
    return hasTaskId(task) ? task.getSpec().getTaskId() : task.getMetadata().getUid();
  }

  private static boolean hasTaskId(PlexusTask task) {
    String id = task.getSpec() == null ? null : task.getSpec().getTaskId();
    return id != null && !id.isBlank();
  }
}
