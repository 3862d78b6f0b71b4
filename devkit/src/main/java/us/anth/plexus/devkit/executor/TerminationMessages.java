package us.anth.plexus.devkit.executor;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import us.anth.plexus.api.job.TerminationMessage;

/**
 * The kubelet's termination messages for pods run as local processes (node agent and local job
 * executor): the container writes the file it is given ({@link
 * ProcessSpec#withTerminationMessageFile}); at most {@value TerminationMessage#MAX_BYTES} bytes of
 * it are read when the container ends, and with {@code FallbackToLogsOnError} a failed container
 * that wrote nothing gets the last 80 lines (at most 2048 bytes) of its log, as the kubelet does.
 */
public final class TerminationMessages {
  static final int FALLBACK_LINES = 80;
  static final int FALLBACK_BYTES = 2048;

  private TerminationMessages() {}

  /** Where the pod's container writes its termination message. */
  public static Path fileOf(Path workDir, Pod pod) {
    return workDir.resolve("pods").resolve(pod.getMetadata().getUid() + ".termination-log");
  }

  /**
   * The message of {@code container} ended with {@code exitCode}, from {@code file} or else (see
   * the policy) the tail of {@code log} (may be null); null when there is none.
   */
  public static String read(Path file, Container container, int exitCode, Path log) {
    String written = head(file, TerminationMessage.MAX_BYTES);
    if (written != null && !written.isEmpty()) {
      return written;
    }
    if (exitCode != 0 && "FallbackToLogsOnError".equals(container.getTerminationMessagePolicy())) {
      String tail = tail(log, FALLBACK_BYTES);
      if (tail == null) {
        return null;
      }
      List<String> lines = tail.lines().toList();
      return String.join(
          "\n", lines.subList(Math.max(0, lines.size() - FALLBACK_LINES), lines.size()));
    }
    return null;
  }

  private static String head(Path file, int max) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      byte[] bytes = new byte[(int) Math.min(max, in.length())];
      in.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  private static String tail(Path file, int max) {
    if (file == null || !Files.isRegularFile(file)) {
      return null;
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long from = Math.max(0, in.length() - max);
      byte[] bytes = new byte[(int) (in.length() - from)];
      in.seek(from);
      in.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }
}
