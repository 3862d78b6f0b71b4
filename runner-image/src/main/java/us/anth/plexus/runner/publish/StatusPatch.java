package us.anth.plexus.runner.publish;

import java.util.List;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.StageStatus;
import us.anth.plexus.api.StatusOwnership;
import us.anth.plexus.api.StatusWriter;
import us.anth.plexus.api.Timestamps;
import us.anth.plexus.runner.progress.StageSnapshot;

/** Pure mapping of a snapshot to a status holding only the runner-owned PlexusTask fields. */
public final class StatusPatch {
  /** The status fields the runner owns (JSON names). */
  public static final List<String> RUNNER_FIELDS =
      StatusOwnership.fieldsWrittenBy(StatusWriter.RUNNER);

  private StatusPatch() {}

  /**
   * The runner fields a run's first write nulls so a previous attempt's values do not linger; all
   * of them except errorMessage when the operator owns it for this state (a terminated run).
   */
  public static List<String> fieldsToClear(TaskSnapshot s) {
    return s.leavesErrorMessageToOperator()
        ? RUNNER_FIELDS.stream().filter(field -> !field.equals("errorMessage")).toList()
        : RUNNER_FIELDS;
  }

  /** The runner's fields; everything the operator owns stays null (omitted from the patch). */
  public static PlexusTaskStatus of(TaskSnapshot s) {
    PlexusTaskStatus status = new PlexusTaskStatus();
    status.setStages(s.stages().stream().map(StatusPatch::stage).toList());
    status.setCurrentStage(s.currentStage());
    status.setProgress(s.progress());
    status.setEstimatedCompletionAt(Timestamps.format(s.estimatedCompletionAt()));
    status.setExitCode(s.exitCode());
    status.setErrorMessage(s.errorMessage());
    status.setErrorDetails(s.errorDetails());
    status.setStdoutTail(s.stdoutTail());
    status.setStderrTail(s.stderrTail());
    status.setStdoutBytes(s.stdoutBytes());
    status.setStderrBytes(s.stderrBytes());
    status.setOutput(s.output());
    return status;
  }

  private static StageStatus stage(StageSnapshot s) {
    StageStatus stage = new StageStatus();
    stage.setName(s.name());
    stage.setOrder(s.order());
    stage.setStatus(s.status());
    stage.setStatusMessage(s.statusMessage());
    stage.setProcessedItems(s.processedItems());
    stage.setTotalItems(s.totalItems());
    stage.setStartedAt(Timestamps.format(s.startedAt()));
    stage.setCompletedAt(Timestamps.format(s.completedAt()));
    stage.setEstimatedCompletionAt(Timestamps.format(s.estimatedCompletionAt()));
    stage.setItemsPerSecond(s.itemsPerSecond());
    return stage;
  }
}
