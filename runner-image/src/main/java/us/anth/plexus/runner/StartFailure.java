package us.anth.plexus.runner;

import java.io.IOException;

/** Turns a failed process start into exit 127 (not found) or 126 (cannot execute). */
final class StartFailure {
  private StartFailure() {}

  static RunResult describe(String executable, IOException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("error=2,")) {
      return new RunResult(RunResult.NOT_FOUND, "executable not found: " + executable, null);
    }
    String reason = message.contains("error=13,") ? "permission denied" : message;
    return new RunResult(
        RunResult.CANNOT_START, "cannot start " + executable + ": " + reason, null);
  }
}
