package us.anth.plexus.runner.publish;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Supplier;
import us.anth.plexus.runner.progress.ChangeListener;

/**
 * Feeds one sink from its own thread so the command never waits for it: on each change it marks the
 * state dirty; the thread writes the latest snapshot at once for critical changes and at most once
 * per {@code minInterval} otherwise, retrying failures with backoff. Intermediate states are never
 * queued, only the latest is written; what was skipped is counted and logged.
 */
public final class CoalescingPublisher implements ChangeListener {
  private final ProgressSink sink;
  private final Supplier<TaskSnapshot> source;
  private final PublishPolicy policy;
  private final Consumer<String> log;
  private final Thread worker;
  private final LongAdder changes = new LongAdder();
  private volatile boolean dirty;
  private boolean urgent;
  private boolean stopping;
  private long nextAllowedNanos = System.nanoTime();
  private long retryAtNanos = nextAllowedNanos;
  private int failures;
  private long writes;
  private long failedAttempts;
  private TaskSnapshot lastWritten;

  public CoalescingPublisher(
      ProgressSink sink,
      Supplier<TaskSnapshot> source,
      PublishPolicy policy,
      Consumer<String> log) {
    this.sink = sink;
    this.source = source;
    this.policy = policy;
    this.log = log;
    this.worker = new Thread(this::loop, "publish-" + sink.name());
    worker.setDaemon(true);
    worker.start();
  }

  @Override
  public void changed(boolean critical) {
    changes.increment();
    if (!critical && dirty) {
      return;
    }
    synchronized (this) {
      dirty = true;
      urgent |= critical;
      notifyAll();
    }
  }

  /** Asks the thread to write the latest state now (ignoring the interval) and then stop. */
  public synchronized void requestFinish() {
    stopping = true;
    notifyAll();
  }

  /** Waits up to {@code maxWait} for the final write; true when the final state was written. */
  public boolean awaitFinish(Duration maxWait) throws InterruptedException {
    requestFinish();
    worker.join(Math.max(1, maxWait.toMillis()));
    boolean done = !worker.isAlive();
    worker.interrupt();
    synchronized (this) {
      String summary =
          String.format(
              "%s: %d writes for %d changes (%d intermediate states coalesced), %d failed"
                  + " attempts",
              sink.name(),
              writes,
              changes.sum(),
              Math.max(0, changes.sum() - writes),
              failedAttempts);
      boolean finalWritten = lastWritten != null && lastWritten.isFinal() && !dirty;
      if (!done || !finalWritten) {
        summary +=
            String.format(
                "; gave up after %d ms, the final state was NOT written (last written: %s)",
                maxWait.toMillis(), lastWritten == null ? "none" : "#" + lastWritten.sequence());
      }
      log.accept(summary);
      return done && finalWritten;
    }
  }

  private void loop() {
    try {
      while (true) {
        boolean wasUrgent;
        synchronized (this) {
          while (true) {
            if (!dirty) {
              if (stopping) {
                return;
              }
              wait();
              continue;
            }
            long now = System.nanoTime();
            long due =
                Math.max(retryAtNanos - now, urgent || stopping ? 0 : nextAllowedNanos - now);
            if (due <= 0) {
              break;
            }
            wait(Math.max(1, due / 1_000_000));
          }
          dirty = false;
          wasUrgent = urgent;
          urgent = false;
        }
        attempt(wasUrgent);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void attempt(boolean wasUrgent) {
    TaskSnapshot snapshot = source.get();
    try {
      sink.publish(snapshot);
      synchronized (this) {
        writes++;
        failures = 0;
        lastWritten = snapshot;
        nextAllowedNanos = System.nanoTime() + policy.minInterval().toNanos();
      }
    } catch (Exception e) {
      Duration backoff;
      synchronized (this) {
        failures++;
        failedAttempts++;
        backoff = policy.backoff(failures);
        retryAtNanos = System.nanoTime() + backoff.toNanos();
        dirty = true;
        urgent |= wasUrgent;
      }
      log.accept(
          String.format(
              "%s: writing state #%d failed (attempt %d): %s; it is dropped, the latest state"
                  + " will be written in %d ms",
              sink.name(), snapshot.sequence(), failures, oneLine(e), backoff.toMillis()));
    }
  }

  private static String oneLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
