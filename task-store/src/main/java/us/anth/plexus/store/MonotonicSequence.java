package us.anth.plexus.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Strictly increasing numbers based on the wall clock (microseconds since the epoch): the runner's
 * write sequence, so that a retried runner in a new pod still writes above the previous attempt,
 * and the operator's queue stamps of Jobs created suspended.
 */
public final class MonotonicSequence {
  private final AtomicLong last = new AtomicLong();

  /** The next number: at least the current time in microseconds, and above every earlier one. */
  public long next() {
    long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    return last.updateAndGet(previous -> Math.max(previous + 1, now));
  }

  /** {@link #next()} as an instant. */
  public Instant nextInstant() {
    return Instant.EPOCH.plus(next(), ChronoUnit.MICROS);
  }
}
