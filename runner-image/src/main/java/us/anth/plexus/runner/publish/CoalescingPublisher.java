package us.anth.plexus.runner.publish;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Supplier;
import us.anth.plexus.runner.progress.ChangeListener;

/**
 * Feeds one sink from its own thread so the command never waits for it: on each change it marks the
 * state dirty; the thread writes the latest snapshot at once for critical changes and at most once
 * per {@code minInterval} otherwise, and after a failure waits out the backoff (see {@link
 * SinkWriter}). Intermediate states are never queued, only the latest is written. When the sink's
 * target is gone (e.g. the task was deleted) the thread drops the pending state and ends.
 */
public final class CoalescingPublisher implements ChangeListener {
  private final Supplier<TaskSnapshot> source;
  private final PublishPolicy policy;
  private final SinkWriter writer;
  private final Thread worker;
  private final LongAdder changes = new LongAdder();
  private volatile boolean dirty;
  private volatile boolean gone;
  private boolean urgent;
  private boolean stopping;
  private long nextAllowedNanos = System.nanoTime();
  private long retryAtNanos = nextAllowedNanos;

  public CoalescingPublisher(
      ProgressSink sink,
      Supplier<TaskSnapshot> source,
      PublishPolicy policy,
      Consumer<String> log) {
    this.source = source;
    this.policy = policy;
    this.writer = new SinkWriter(sink, policy, log);
    this.worker = new Thread(this::loop, "publish-" + sink.name());
    worker.setDaemon(true);
    worker.start();
  }

  @Override
  public void changed(boolean critical) {
    changes.increment();
    if (gone || (!critical && dirty)) {
      return;
    }
    synchronized (this) {
      if (gone) {
        return;
      }
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
    boolean pending;
    synchronized (this) {
      pending = dirty;
    }
    return writer.summarize(changes.sum(), done && !pending, maxWait);
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
        if (!attempt(wasUrgent)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One write and its consequence for the timing; false when there is nothing more to write. */
  private boolean attempt(boolean wasUrgent) {
    SinkWriter.Outcome outcome = writer.write(source.get());
    synchronized (this) {
      switch (outcome) {
        case WRITTEN -> nextAllowedNanos = System.nanoTime() + policy.minInterval().toNanos();
        case FAILED -> {
          retryAtNanos = System.nanoTime() + writer.backoff().toNanos();
          dirty = true;
          urgent |= wasUrgent;
        }
        case GONE -> {
          gone = true;
          dirty = false;
        }
      }
    }
    return outcome != SinkWriter.Outcome.GONE;
  }
}
