package us.anth.plexus.runner.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import us.anth.plexus.api.job.TerminationMessage;

/**
 * Writes the run's final state as the container's termination message ({@link TerminationMessage}),
 * whatever became of the status writes, so the operator can fill from the pod what a lost final
 * write left out.
 */
public final class TerminationLog {
  private TerminationLog() {}

  /** Writes {@code last} to {@code path}; nothing when the path is blank; one log line on error. */
  public static void write(String path, TaskSnapshot last, Consumer<String> log) {
    if (path == null || path.isBlank() || last == null) {
      return;
    }
    try {
      Files.writeString(
          Path.of(path), TerminationMessage.encode(StatusPatch.of(last)), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      log.accept("termination message not written to " + path + ": " + e.getMessage());
    }
  }
}
