package us.anth.plexus.runner.publish;

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
   * final snapshot also stdout, stderr, output and error as Plexus's worker writes them, within the
   * record budget ({@link RecordOutputs}), and the command's error message. errorDetails is left to
   * the operator's mirror, which composes it from the PlexusTask status (phase, attempts, Job, and
   * the exit code and details this runner patched there): with one writer, a late or retried runner
   * write can never replace the operator's fuller version.
   */
  public static TaskRunnerUpdate task(String taskId, TaskSnapshot snapshot, long sequence) {
    String currentStageId =
        snapshot.currentStage() == null
            ? null
            : TaskStageStore.stageId(taskId, snapshot.currentStage());
    if (!snapshot.isFinal()) {
      return TaskRunnerUpdate.progress(sequence, currentStageId, snapshot.estimatedCompletionAt());
    }
    RecordOutputs outputs = RecordOutputs.of(snapshot, RecordOutputs.BUDGET_BYTES);
    return new TaskRunnerUpdate(
        sequence,
        currentStageId,
        snapshot.estimatedCompletionAt(),
        outputs.stdout(),
        outputs.stderr(),
        outputs.output(),
        snapshot.errorMessage(),
        outputs.error());
  }

  /**
   * {@code update} without the stage pointer and estimate: what the runner still writes when the
   * command reports its own progress through the Plexus API (its stages have ids of its own).
   */
  public static TaskRunnerUpdate withoutProgress(TaskRunnerUpdate update) {
    return new TaskRunnerUpdate(
        update.sequence(),
        null,
        null,
        update.stdout(),
        update.stderr(),
        update.output(),
        update.errorMessage(),
        update.error());
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
