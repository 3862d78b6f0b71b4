package us.anth.plexus.devkit.executor;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executor's single thread: every Job event, process exit, retry and deadline runs here, one at
 * a time, so attempts need no locking. A step that throws is logged and does not stop the loop.
 */
final class SerialLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SerialLoop.class);

  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "local-job-executor"));

  /** Runs {@code step} on the loop as soon as it is free. */
  void run(Runnable step) {
    thread.execute(() -> guarded(step));
  }

  /** Runs {@code step} on the loop after {@code delay}. */
  ScheduledFuture<?> after(Duration delay, Runnable step) {
    return thread.schedule(() -> guarded(step), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static void guarded(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      LOG.warn("local-executor: {}", e.toString(), e);
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
