package us.anth.plexus.runner;

/** How a command ended: the runner's exit code and, for failures, a one-line reason. */
public record RunResult(int exitCode, String errorMessage, String errorDetails) {
  /** Exit code when the command could not be parsed or started. */
  public static final int CANNOT_START = 126;

  /** Exit code when the executable does not exist. */
  public static final int NOT_FOUND = 127;

  /** Exit code when the runner was terminated (SIGTERM, e.g. cancel). */
  public static final int TERMINATED = 143;

  /** Exit code when PLEXUS_TIMEOUT_SECONDS passed (as GNU timeout). */
  public static final int TIMED_OUT = 124;

  public static RunResult success() {
    return new RunResult(0, null, null);
  }

  public boolean succeeded() {
    return exitCode == 0;
  }
}
