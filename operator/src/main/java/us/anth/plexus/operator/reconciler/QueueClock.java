package us.anth.plexus.operator.reconciler;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Strictly increasing queue stamps (wall clock, microseconds) for Jobs created suspended. */
final class QueueClock {
  private final AtomicLong lastMicros = new AtomicLong();

  /** Now, or one microsecond after the previous stamp when the clock has not moved on. */
  Instant next() {
    Instant now = Instant.now();
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
    long stamp =
        lastMicros.accumulateAndGet(micros, (last, candidate) -> Math.max(last + 1, candidate));
    return Instant.EPOCH.plus(stamp, ChronoUnit.MICROS);
  }
}
