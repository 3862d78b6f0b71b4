package us.anth.plexus.runner.publish;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import us.anth.plexus.runner.progress.ChangeListener;

/** Fans task changes out to one {@link CoalescingPublisher} per sink, and flushes them at exit. */
public final class StatusPublisher implements ChangeListener {
  private final List<CoalescingPublisher> publishers;

  public StatusPublisher(
      List<ProgressSink> sinks,
      Supplier<TaskSnapshot> source,
      PublishPolicy policy,
      Consumer<String> log) {
    this.publishers =
        sinks.stream().map(s -> new CoalescingPublisher(s, source, policy, log)).toList();
  }

  @Override
  public void changed(boolean critical) {
    publishers.forEach(p -> p.changed(critical));
  }

  /** Writes the final state to every sink, waiting at most {@code maxWait} in all. */
  public boolean finish(Duration maxWait) {
    publishers.forEach(CoalescingPublisher::requestFinish);
    long deadline = System.nanoTime() + maxWait.toNanos();
    boolean all = true;
    for (CoalescingPublisher publisher : publishers) {
      try {
        long left = Math.max(1, deadline - System.nanoTime());
        all &= publisher.awaitFinish(Duration.ofNanos(left));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return all;
  }
}
