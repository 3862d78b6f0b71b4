package us.anth.plexus.runner;

import us.anth.plexus.api.job.JobContract;

/**
 * How a command ended: the runner's exit code and, for failures the runner detected itself, a
 * one-line reason. A run ended by a signal to the runner ({@link #terminated}) has no errorMessage:
 * the runner cannot know why it was stopped (cancel, deadline, eviction); the operator does and
 * owns that message.
 */
public record RunResult(int exitCode, String errorMessage, String errorDetails) {
  /** Exit code when the command could not be parsed or started. */
  public static final int CANNOT_START = JobContract.EXIT_CANNOT_START;

  /** Exit code when the executable does not exist. */
  public static final int NOT_FOUND = JobContract.EXIT_NOT_FOUND;

  /** Exit code when the runner was terminated (SIGTERM, e.g. cancel, deadline, pod deletion). */
  public static final int TERMINATED = 143;

  /** Exit code when PLEXUS_TIMEOUT_SECONDS passed (as GNU timeout). */
  public static final int TIMED_OUT = JobContract.EXIT_TIMED_OUT;

  public static RunResult success() {
    return new RunResult(0, null, null);
  }

  /** The runner was signalled from outside: exit code 143, the stderr tail, no errorMessage. */
  public static RunResult terminated(String stderrTail) {
    return new RunResult(
        TERMINATED, null, stderrTail == null || stderrTail.isEmpty() ? null : stderrTail);
  }

  /** For logs and the failed stage's message: the errorMessage, or "terminated". */
  public String reason() {
    return errorMessage != null ? errorMessage : exitCode == TERMINATED ? "terminated" : null;
  }

  public boolean succeeded() {
    return exitCode == 0;
  }
}
