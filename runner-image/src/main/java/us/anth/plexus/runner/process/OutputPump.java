package us.anth.plexus.runner.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import us.anth.plexus.runner.progress.ProgressMarkers;

/**
 * Copies one child stream to the runner's own stream line by line as it arrives, counting bytes and
 * keeping a tail. Lines starting with the marker prefix are offered to {@code markers}; those it
 * accepts are echoed to the log but kept out of the tail. Memory is bounded: lines longer than
 * {@link #MAX_LINE} bytes pass through in pieces and are never markers.
 */
public final class OutputPump implements Runnable {
  /** Longest line considered whole (and eligible as a marker). */
  public static final int MAX_LINE = 64 * 1024;

  private static final byte[] PREFIX = ProgressMarkers.PREFIX.getBytes(StandardCharsets.UTF_8);

  private final InputStream in;
  private final OutputStream echo;
  private final OutputCapture capture;
  private final Predicate<String> markers;
  private final byte[] line = new byte[MAX_LINE];
  private int length;
  private boolean continued;

  public OutputPump(
      InputStream in, OutputStream echo, OutputCapture capture, Predicate<String> markers) {
    this.in = in;
    this.echo = echo;
    this.capture = capture;
    this.markers = markers;
  }

  @Override
  public void run() {
    byte[] chunk = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(chunk)) >= 0) {
        for (int i = 0; i < n; i++) {
          if (length == MAX_LINE) {
            emit(false);
          }
          line[length++] = chunk[i];
          if (chunk[i] == '\n') {
            emit(true);
          }
        }
        if (in.available() == 0) {
          echo.flush();
        }
      }
      if (length > 0) {
        emit(true);
      }
      echo.flush();
    } catch (IOException e) {
      // The child closed its end or the pump was stopped; what was read has been kept.
    }
  }

  private void emit(boolean endOfLine) throws IOException {
    capture.count(length);
    boolean whole = !continued && endOfLine;
    if (!(whole && startsWithPrefix() && markers.test(text()))) {
      capture.keep(line, 0, length);
    }
    echo.write(line, 0, length);
    continued = !endOfLine;
    length = 0;
  }

  private boolean startsWithPrefix() {
    if (length < PREFIX.length) {
      return false;
    }
    for (int i = 0; i < PREFIX.length; i++) {
      if (line[i] != PREFIX[i]) {
        return false;
      }
    }
    return true;
  }

  private String text() {
    int end = length;
    while (end > 0 && (line[end - 1] == '\n' || line[end - 1] == '\r')) {
      end--;
    }
    return new String(line, 0, end, StandardCharsets.UTF_8);
  }
}
