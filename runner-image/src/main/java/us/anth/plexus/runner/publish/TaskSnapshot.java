package us.anth.plexus.runner.publish;

import java.time.Instant;
import java.util.List;
import us.anth.plexus.api.StageState;
import us.anth.plexus.runner.progress.StageSnapshot;

/**
 * Immutable state of one task run at one moment: what every {@link ProgressSink} writes. {@code
 * sequence} grows with every snapshot of a run, so sinks can refuse to move backwards. {@code
 * status} is RUNNING until the command ended, then COMPLETED or FAILED; exit fields are null while
 * it runs. errorMessage stays null when the runner was terminated by a signal (exit code 143).
 * {@code runOutput} (the command and the record-sized stream tails) is set on the final snapshot
 * only.
 */
public record TaskSnapshot(
    TaskRef task,
    long sequence,
    Instant takenAt,
    StageState status,
    String currentStage,
    String progress,
    Instant estimatedCompletionAt,
    List<StageSnapshot> stages,
    Integer exitCode,
    String errorMessage,
    String errorDetails,
    String stdoutTail,
    String stderrTail,
    long stdoutBytes,
    long stderrBytes,
    String output,
    RunOutput runOutput) {

  public TaskSnapshot {
    stages = List.copyOf(stages);
  }

  /**
   * A failed final state without a message of the runner's (it was terminated from outside): the
   * errorMessage is the operator's to write, so the runner must not clear it either.
   */
  public boolean leavesErrorMessageToOperator() {
    return status == StageState.FAILED && errorMessage == null;
  }

  /** Whether the command has ended (this is the last state of the run). */
  public boolean isFinal() {
    return status != StageState.RUNNING && status != StageState.PENDING;
  }
}
