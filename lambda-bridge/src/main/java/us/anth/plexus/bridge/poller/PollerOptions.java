package us.anth.plexus.bridge.poller;

import java.time.Duration;

/**
 * Pacing of the stream poller: records per GetRecords call (memory bound), the pause when caught
 * up, and the backoff range when handling a record fails.
 */
public record PollerOptions(
    int recordsPerCall, Duration idlePause, Duration firstRetryDelay, Duration maxRetryDelay) {

  /** Production defaults: 100 records, 1 s idle pause, retries from 1 s up to 30 s. */
  public static PollerOptions defaults() {
    return new PollerOptions(
        100, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(30));
  }
}
