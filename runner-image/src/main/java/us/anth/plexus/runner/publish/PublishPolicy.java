package us.anth.plexus.runner.publish;

import java.time.Duration;

/** How often a sink may be written and how failed writes back off. */
public record PublishPolicy(Duration minInterval, Duration initialBackoff, Duration maxBackoff) {
  /** One progress write per second; retries after 0.25 s doubling up to 10 s. */
  public static final PublishPolicy DEFAULT =
      new PublishPolicy(Duration.ofSeconds(1), Duration.ofMillis(250), Duration.ofSeconds(10));

  /** Backoff before retry number {@code failures} (1-based). */
  public Duration backoff(int failures) {
    long millis = initialBackoff.toMillis() << Math.min(failures - 1, 20);
    return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
  }
}
