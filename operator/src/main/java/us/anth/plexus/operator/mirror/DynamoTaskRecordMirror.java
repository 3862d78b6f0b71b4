package us.anth.plexus.operator.mirror;

import java.time.Instant;
import java.util.List;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.StageDeclaration;
import us.anth.plexus.api.StageStatus;
import us.anth.plexus.store.MonotonicSequence;
import us.anth.plexus.store.StageUpdate;
import us.anth.plexus.store.TaskRecordStore;
import us.anth.plexus.store.TaskStageStore;
import us.anth.plexus.store.TaskStatus;
import us.anth.plexus.store.WriteResult;

/**
 * Mirrors each PlexusTask to the dashboard's DynamoDB Task record (status, dispatch status, times,
 * errors, worker pod, {@code metadata.kubernetes}). Every write is conditional and idempotent, so
 * the operator can simply write the current state again after an outage.
 */
public final class DynamoTaskRecordMirror implements TaskRecordMirror {
  private final TaskRecordStore tasks;
  private final TaskStageStore stages;
  private final MonotonicSequence sequence = new MonotonicSequence();

  /** A mirror of Task records only (no stage records are ended). */
  public DynamoTaskRecordMirror(TaskRecordStore tasks) {
    this(tasks, null);
  }

  public DynamoTaskRecordMirror(TaskRecordStore tasks, TaskStageStore stages) {
    this.tasks = tasks;
    this.stages = stages;
  }

  /**
   * Ends the TaskStage records of stages the runner left open (FAILED or COMPLETED), with a
   * sequence above every write the runner made (the wall clock in microseconds), so a stale runner
   * write cannot reopen them.
   */
  @Override
  public MirrorResult endStages(PlexusTask task, List<StageStatus> ended) {
    if (stages == null || ended.isEmpty()) {
      return MirrorResult.disabled();
    }
    String id = recordId(task);
    for (StageStatus stage : ended) {
      WriteResult result =
          stages.upsert(
              StageUpdate.of(
                      id,
                      stage.getName(),
                      stage.getOrder() == null ? 0 : stage.getOrder(),
                      TaskStatus.valueOf(stage.getStatus().name()),
                      sequence.next())
                  .statusMessage(stage.getStatusMessage())
                  .times(instant(stage.getStartedAt()), instant(stage.getCompletedAt()), null));
      if (result.outcome() == WriteResult.Outcome.UNAVAILABLE) {
        return MirrorResult.failed(result.error());
      }
    }
    return MirrorResult.ok();
  }

  @Override
  public MirrorResult declareStages(PlexusTask task, List<StageDeclaration> declared) {
    if (stages == null || declared.isEmpty()) {
      return MirrorResult.disabled();
    }
    for (StageUpdate stage : TaskRecordUpdates.declaredStages(recordId(task), declared)) {
      WriteResult result = stages.createIfAbsent(stage);
      if (result.outcome() == WriteResult.Outcome.UNAVAILABLE) {
        return MirrorResult.failed(result.error());
      }
    }
    return MirrorResult.ok();
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

  private static Instant instant(String text) {
    return text == null || text.isBlank() ? null : Instant.parse(text);
  }
}
