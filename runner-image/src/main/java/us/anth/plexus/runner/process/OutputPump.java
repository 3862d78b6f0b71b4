package us.anth.plexus.runner.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import us.anth.plexus.runner.progress.ProgressMarkers;

/**
 * Copies one child stream to the runner's own stream as it arrives, counting bytes and keeping a
 * tail. Lines starting with the marker prefix are offered to {@code markers}; those it accepts are
 * echoed to the log but kept out of the tail. Output is handled in whole reads: only a line that
 * starts with the prefix is gathered (up to {@link #MAX_LINE} bytes); all other bytes go to the
 * echo and the tail in one piece per read. Memory is bounded: lines longer than {@link #MAX_LINE}
 * bytes pass through in pieces and are never markers.
 */
public final class OutputPump implements Runnable {
  /** Longest line considered whole (and eligible as a marker). */
  public static final int MAX_LINE = 64 * 1024;

  private static final int READ_SIZE = 64 * 1024;
  private static final byte[] PREFIX = ProgressMarkers.PREFIX.getBytes(StandardCharsets.UTF_8);

  private final InputStream in;
  private final OutputStream echo;
  private final OutputCapture capture;
  private final Predicate<String> markers;
  private final LineScanner scanner = new LineScanner(PREFIX, MAX_LINE);

  public OutputPump(
      InputStream in, OutputStream echo, OutputCapture capture, Predicate<String> markers) {
    this.in = in;
    this.echo = echo;
    this.capture = capture;
    this.markers = markers;
  }

  @Override
  public void run() {
    byte[] chunk = new byte[READ_SIZE];
    try (in) {
      int n;
      while ((n = in.read(chunk)) >= 0) {
        scanner.scan(chunk, n, this::plain, this::candidate);
        echo.flush();
      }
      scanner.end(this::plain, this::candidate);
      echo.flush();
    } catch (IOException e) {
      // The child closed its end or the pump was stopped; what was read has been kept.
    }
  }

  /** Bytes that are not a marker line: counted, echoed, kept. */
  private void plain(byte[] data, int offset, int length) throws IOException {
    capture.count(length);
    capture.keep(data, offset, length);
    echo.write(data, offset, length);
  }

  /** A whole line that starts with the prefix: a marker unless {@code markers} rejects it. */
  private void candidate(byte[] line, int length) throws IOException {
    capture.count(length);
    if (!markers.test(text(line, length))) {
      capture.keep(line, 0, length);
    }
    echo.write(line, 0, length);
  }

  private static String text(byte[] line, int length) {
    int end = length;
    while (end > 0 && (line[end - 1] == '\n' || line[end - 1] == '\r')) {
      end--;
    }
    return new String(line, 0, end, StandardCharsets.UTF_8);
  }
}
