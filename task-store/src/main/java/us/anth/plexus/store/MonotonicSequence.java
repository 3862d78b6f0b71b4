package us.anth.plexus.store;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Strictly increasing write sequence numbers based on the wall clock (microseconds since the
 * epoch), so that a retried runner in a new pod still writes above the previous attempt.
 */
public final class MonotonicSequence {
  private final AtomicLong last = new AtomicLong();

  /** The next number: at least the current time in microseconds, and above every earlier one. */
  public long next() {
    long now = System.currentTimeMillis() * 1000;
    return last.updateAndGet(previous -> Math.max(previous + 1, now));
  }
}
