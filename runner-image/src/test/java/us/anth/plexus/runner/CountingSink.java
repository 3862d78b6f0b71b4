package us.anth.plexus.runner;

import java.util.concurrent.atomic.AtomicInteger;
import us.anth.plexus.runner.publish.ProgressSink;
import us.anth.plexus.runner.publish.TargetGoneException;
import us.anth.plexus.runner.publish.TaskSnapshot;

/** Wraps a real sink and counts the writes attempted through it and those refused as gone. */
public final class CountingSink implements ProgressSink {
  private final ProgressSink sink;
  private final AtomicInteger attempts = new AtomicInteger();
  private final AtomicInteger gone = new AtomicInteger();

  public CountingSink(ProgressSink sink) {
    this.sink = sink;
  }

  @Override
  public String name() {
    return sink.name();
  }

  @Override
  public void publish(TaskSnapshot snapshot) throws Exception {
    attempts.incrementAndGet();
    try {
      sink.publish(snapshot);
    } catch (TargetGoneException e) {
      gone.incrementAndGet();
      throw e;
    }
  }

  /** Writes attempted so far, failed ones included. */
  public int attempts() {
    return attempts.get();
  }

  /** Attempts the sink refused with {@link TargetGoneException}. */
  public int goneAnswers() {
    return gone.get();
  }
}
