package us.anth.plexus.operator.mirror;

import java.util.List;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.StageDeclaration;
import us.anth.plexus.store.StageUpdate;
import us.anth.plexus.store.WriteResult;
import us.anth.plexus.store.appsync.AppSyncTaskWriter;

/**
 * Mirrors each PlexusTask to the dashboard's Task record through the Amplify GraphQL API ({@code
 * updateTask} with a never-backwards condition), so that the dashboard's {@code onUpdateTask}
 * subscription fires. {@code metadata.kubernetes} is left to the DynamoDB mirror (sink {@code
 * both}): AWSJSON is written whole, and merging into it would be a read-modify-write.
 */
public final class AppSyncTaskRecordMirror implements TaskRecordMirror {
  private final AppSyncTaskWriter writer;

  public AppSyncTaskRecordMirror(AppSyncTaskWriter writer) {
    this.writer = writer;
  }

  @Override
  public MirrorResult mirror(PlexusTask task, PlexusTaskStatus operatorStatus) {
    String id = DynamoTaskRecordMirror.recordId(task);
    WriteResult result =
        writer.updatePhase(id, TaskRecordUpdates.phase(task, operatorStatus).kubernetes(null));
    return switch (result.outcome()) {
      case APPLIED, SUPERSEDED -> MirrorResult.ok();
      case NOT_FOUND -> MirrorResult.failed("Task record " + id + " does not exist (AppSync)");
      case UNAVAILABLE, REJECTED -> MirrorResult.failed(result.error());
    };
  }

  /** Creates each declared stage as PENDING through createTaskStage (onCreateTaskStage fires). */
  @Override
  public MirrorResult declareStages(PlexusTask task, List<StageDeclaration> declared) {
    String id = DynamoTaskRecordMirror.recordId(task);
    for (StageUpdate stage : TaskRecordUpdates.declaredStages(id, declared)) {
      WriteResult result = writer.createStageIfAbsent(stage);
      if (result.outcome() == WriteResult.Outcome.UNAVAILABLE
          || result.outcome() == WriteResult.Outcome.REJECTED) {
        return MirrorResult.failed(result.error());
      }
    }
    return MirrorResult.ok();
  }

  /** Creates the record of a task without {@code spec.taskId} through createTask (idempotent). */
  @Override
  public String assignTaskId(PlexusTask task) {
    if (task.getSpec() != null
        && task.getSpec().getTaskId() != null
        && !task.getSpec().getTaskId().isBlank()) {
      return null;
    }
    String id = task.getMetadata().getUid();
    WriteResult result = writer.createTask(id, TaskRecordUpdates.newTask(task));
    if (result.outcome() != WriteResult.Outcome.APPLIED) {
      throw new IllegalStateException("cannot create Task record " + id + ": " + result.error());
    }
    return id;
  }
}
