package us.anth.plexus.runner.publish;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import us.anth.plexus.api.StageState;
import us.anth.plexus.runner.progress.StageSnapshot;
import us.anth.plexus.store.StageUpdate;
import us.anth.plexus.store.TaskRunnerUpdate;
import us.anth.plexus.store.TaskStageStore;
import us.anth.plexus.store.TaskStatus;

/**
 * Maps a runner snapshot to the dashboard's records: one {@link StageUpdate} per stage and the
 * runner's part of the Task ({@link TaskRunnerUpdate}). Pure; the caller supplies the sequence.
 */
public final class DynamoRecords {
  private DynamoRecords() {}

  /** The TaskStage write of {@code stage}. */
  public static StageUpdate stage(String taskId, StageSnapshot stage, long sequence) {
    return StageUpdate.of(taskId, stage.name(), stage.order(), status(stage.status()), sequence)
        .statusMessage(stage.statusMessage())
        .times(stage.startedAt(), stage.completedAt(), stage.estimatedCompletionAt())
        .items(stage.processedItems(), stage.totalItems());
  }

  /**
   * The runner's Task fields: current stage (as a TaskStage id) and estimate while running; on the
   * final snapshot also the output tails, the output and the command's error.
   */
  public static TaskRunnerUpdate task(String taskId, TaskSnapshot snapshot, long sequence) {
    String currentStageId =
        snapshot.currentStage() == null
            ? null
            : TaskStageStore.stageId(taskId, snapshot.currentStage());
    if (!snapshot.isFinal()) {
      return TaskRunnerUpdate.progress(sequence, currentStageId, snapshot.estimatedCompletionAt());
    }
    return new TaskRunnerUpdate(
        sequence,
        currentStageId,
        snapshot.estimatedCompletionAt(),
        snapshot.stdoutTail(),
        snapshot.stderrTail(),
        snapshot.output(),
        snapshot.errorMessage(),
        errorDetailsJson(snapshot));
  }

  /**
   * errorDetails is AWSJSON on the dashboard: the exit code and the runner's details text, for
   * every failed run (also a terminated one, which has no errorMessage of the runner's).
   */
  static String errorDetailsJson(TaskSnapshot snapshot) {
    boolean failed = snapshot.exitCode() != null && snapshot.exitCode() != 0;
    if (!failed && snapshot.errorMessage() == null && snapshot.errorDetails() == null) {
      return null;
    }
    ObjectNode details = JsonNodeFactory.instance.objectNode();
    if (snapshot.exitCode() != null) {
      details.put("exitCode", snapshot.exitCode());
    }
    if (snapshot.errorDetails() != null) {
      details.put("details", snapshot.errorDetails());
    }
    return details.toString();
  }

  private static TaskStatus status(StageState state) {
    return switch (state) {
      case PENDING -> TaskStatus.PENDING;
      case RUNNING -> TaskStatus.RUNNING;
      case COMPLETED -> TaskStatus.COMPLETED;
      case FAILED -> TaskStatus.FAILED;
    };
  }
}
