package us.anth.plexus.runner.progress;

/**
 * One report from the command: start a stage, move its counter, end it, report an error message or
 * set the task's output. Fields a kind does not use are null.
 */
public record ProgressEvent(
    Kind kind, String stage, Integer order, Long processed, Long total, String message) {

  /** What the command reported; the JSON {@code event} values are the lower-case names. */
  public enum Kind {
    /** A stage starts (the running stage, if any, completes). */
    STAGE,
    /** Items processed and/or a status message for a stage (default: the running one). */
    PROGRESS,
    /** A stage ends successfully. */
    COMPLETE,
    /** The command's own error message, used if it then exits non-zero. */
    ERROR,
    /** The task's result (Task.output); {@code message} carries it. */
    OUTPUT
  }
}
