package us.anth.plexus.runner;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;
import us.anth.plexus.runner.process.OutputPump;
import us.anth.plexus.runner.progress.ProgressEvent;
import us.anth.plexus.runner.progress.ProgressMarkers;

/**
 * Follows the JSON-lines progress file (PLEXUS_PROGRESS_FILE) the command may append to, applying
 * each complete line as a progress event. Polls every 200 ms; {@link #stop} reads what is left.
 */
public final class ProgressFileFollower {
  private final Path file;
  private final Consumer<ProgressEvent> events;
  private final Consumer<String> log;
  private final Thread thread;
  private final StringBuilder partial = new StringBuilder();
  private long offset;
  private volatile boolean stopping;

  public ProgressFileFollower(Path file, Consumer<ProgressEvent> events, Consumer<String> log) {
    this.file = file;
    this.events = events;
    this.log = log;
    this.thread = new Thread(this::loop, "progress-file");
    thread.setDaemon(true);
    thread.start();
  }

  /** Stops following after reading the lines written so far. */
  public void stop() throws InterruptedException {
    stopping = true;
    thread.interrupt();
    thread.join(2000);
    readNew();
  }

  private void loop() {
    while (!stopping) {
      readNew();
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private synchronized void readNew() {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      if (in.length() <= offset) {
        return;
      }
      in.seek(offset);
      byte[] data = new byte[(int) Math.min(in.length() - offset, 1 << 20)];
      in.readFully(data);
      offset += data.length;
      partial.append(new String(data, StandardCharsets.UTF_8));
      int newline;
      while ((newline = partial.indexOf("\n")) >= 0) {
        String line = partial.substring(0, newline).trim();
        partial.delete(0, newline + 1);
        apply(line);
      }
      if (partial.length() > OutputPump.MAX_LINE) {
        log.accept("ignored a progress-file line longer than " + OutputPump.MAX_LINE + " bytes");
        partial.setLength(0);
      }
    } catch (IOException e) {
      log.accept("cannot read progress file " + file + ": " + e.getMessage());
    }
  }

  private void apply(String line) {
    if (line.isEmpty()) {
      return;
    }
    try {
      events.accept(ProgressMarkers.parseJson(line, why -> log.accept(why + ": " + line)));
    } catch (IllegalArgumentException e) {
      log.accept("ignored malformed progress-file line (" + e.getMessage() + "): " + line);
    }
  }
}
