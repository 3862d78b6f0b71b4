package us.anth.plexus.store;

import java.time.Instant;

/**
 * The runner's part of a Task record, ordered by {@code sequence} (see {@link MonotonicSequence}):
 * a write with a sequence not above the stored one is dropped. Null fields are left untouched. The
 * record's errorDetails are not part of it: the operator is their only writer. {@code output} and
 * {@code error} are the documents Plexus's worker writes at the end (see the runner's
 * RecordOutputs).
 */
public record TaskRunnerUpdate(
    long sequence,
    String currentStageId,
    Instant estimatedCompletionAt,
    String stdout,
    String stderr,
    String output,
    String errorMessage,
    String error) {

  /** Progress: the current stage (a TaskStage id) and the estimate. */
  public static TaskRunnerUpdate progress(long sequence, String currentStageId, Instant eta) {
    return new TaskRunnerUpdate(sequence, currentStageId, eta, null, null, null, null, null);
  }

  /** The same write with sequence {@code value}. */
  public TaskRunnerUpdate numbered(long value) {
    return new TaskRunnerUpdate(
        value, currentStageId, estimatedCompletionAt, stdout, stderr, output, errorMessage, error);
  }

  /** The end of the run: output tails, output and the command's error (null when it succeeded). */
  public static TaskRunnerUpdate finish(
      long sequence, String stdout, String stderr, String output, String errorMessage) {
    return new TaskRunnerUpdate(sequence, null, null, stdout, stderr, output, errorMessage, null);
  }
}
