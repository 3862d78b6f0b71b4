package us.anth.plexus.runner.publish;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Makes a {@link CoalescingPublisher}'s writes to its sink and keeps their record: writes, the run
 * of failures and the backoff it earns, the last state written. Logs each failure and, at the end,
 * the summary. Deciding when to write is the publisher's business.
 */
final class SinkWriter {
  /** What one write came to. */
  enum Outcome {
    WRITTEN,
    FAILED,
    /** The sink's target no longer exists: nothing more is to be written to it. */
    GONE
  }

  private final ProgressSink sink;
  private final PublishPolicy policy;
  private final Consumer<String> log;
  private int failures;
  private long writes;
  private long failedAttempts;
  private TaskSnapshot lastWritten;
  private boolean gone;

  SinkWriter(ProgressSink sink, PublishPolicy policy, Consumer<String> log) {
    this.sink = sink;
    this.policy = policy;
    this.log = log;
  }

  /** Writes {@code snapshot}; a failure is logged with the backoff it earns, a gone target once. */
  Outcome write(TaskSnapshot snapshot) {
    try {
      sink.publish(snapshot);
    } catch (TargetGoneException e) {
      synchronized (this) {
        gone = true;
      }
      log.accept(
          String.format(
              "%s: %s; stopped writing to it (state #%d and later are dropped)",
              sink.name(), e.getMessage(), snapshot.sequence()));
      return Outcome.GONE;
    } catch (Exception e) {
      int attempt;
      Duration backoff;
      synchronized (this) {
        attempt = ++failures;
        failedAttempts++;
        backoff = policy.backoff(attempt);
      }
      log.accept(
          String.format(
              "%s: writing state #%d failed (attempt %d): %s; it is dropped, the latest state"
                  + " will be written in %d ms",
              sink.name(), snapshot.sequence(), attempt, oneLine(e), backoff.toMillis()));
      return Outcome.FAILED;
    }
    synchronized (this) {
      writes++;
      failures = 0;
      lastWritten = snapshot;
    }
    return Outcome.WRITTEN;
  }

  /** How long to wait after the failures so far before writing again. */
  synchronized Duration backoff() {
    return policy.backoff(failures);
  }

  /**
   * Logs the run's summary and returns whether the final state was written; {@code settled} says
   * the publisher stopped with nothing newer pending.
   */
  synchronized boolean summarize(long changes, boolean settled, Duration maxWait) {
    String summary =
        String.format(
            "%s: %d writes for %d changes (%d intermediate states coalesced), %d failed attempts",
            sink.name(), writes, changes, Math.max(0, changes - writes), failedAttempts);
    boolean finalWritten = settled && lastWritten != null && lastWritten.isFinal();
    if (gone) {
      summary += "; stopped early, its target is gone";
    } else if (!finalWritten) {
      summary +=
          String.format(
              "; gave up after %d ms, the final state was NOT written (last written: %s)",
              maxWait.toMillis(), lastWritten == null ? "none" : "#" + lastWritten.sequence());
    }
    log.accept(summary);
    return finalWritten;
  }

  private static String oneLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
