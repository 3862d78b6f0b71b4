package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import us.anth.plexus.operator.runtime.OperatorMetrics;

/**
 * Records Kubernetes Events off the reconcile thread, as client-go's event broadcaster does: a
 * reconcile only queues the Event (built and stamped at once); {@value #LANES} writer threads write
 * them, each Event name always on the same thread, so a repeat never overtakes its first write. At
 * most {@value #CAPACITY} Events wait: beyond that an Event is dropped and counted, never waited
 * for. Events are the third copy of an audit entry (status.history and the Task record hold it
 * durably), so one dropped or lost in a crash costs no state.
 */
public final class EventRecorder implements AutoCloseable {
  /** Events waiting to be written, at most (client-go's broadcaster also queues 1,000). */
  static final int CAPACITY = 1_000;

  /**
   * Writer threads; four dropped 7% of a burst of 1,000 new tasks (four Events each) on a real API
   * server.
   */
  static final int LANES = 8;

  /** How long {@link #close()} keeps writing what is queued. */
  static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

  private final List<BlockingQueue<Event>> lanes = new ArrayList<>();
  private final List<Thread> writers = new ArrayList<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final int capacity;
  private final TaskEvents writer;
  private final OperatorMetrics metrics;
  private volatile boolean closing;

  public EventRecorder(KubernetesClient client, OperatorMetrics metrics) {
    this(client, metrics, CAPACITY, LANES);
  }

  EventRecorder(KubernetesClient client, OperatorMetrics metrics, int capacity, int laneCount) {
    this.capacity = capacity;
    this.writer = new TaskEvents(client);
    this.metrics = metrics;
    for (int i = 0; i < laneCount; i++) {
      BlockingQueue<Event> lane = new LinkedBlockingQueue<>(); // bounded by queued/capacity
      Thread thread = new Thread(() -> writeQueued(lane), "event-recorder-" + i);
      thread.setDaemon(true);
      thread.start();
      lanes.add(lane);
      writers.add(thread);
    }
  }

  /** Queues an Event of type Normal or Warning about {@code about}; never blocks. */
  void record(HasMetadata about, String type, String reason, String message) {
    Event event = TaskEvents.build(about, type, reason, message, Instant.now());
    if (closing) {
      dropped(event);
    } else if (queued.incrementAndGet() > capacity) {
      queued.decrementAndGet();
      dropped(event);
    } else {
      String name = event.getMetadata().getName();
      lanes.get(Math.floorMod(name.hashCode(), lanes.size())).add(event);
    }
  }

  private void dropped(Event event) {
    double dropped = metrics.eventDropped();
    if (Long.bitCount((long) dropped) == 1) { // 1st, 2nd, 4th, 8th ...: bounded log volume
      LOG.warn(
          "Dropped Event {} on {} ({} dropped so far): {} Events are waiting already",
          event.getReason(),
          event.getInvolvedObject().getName(),
          (long) dropped,
          capacity);
    }
  }

  /** Events queued and not yet taken by a writer. */
  int queued() {
    return queued.get();
  }

  private void writeQueued(BlockingQueue<Event> lane) {
    while (!closing || !lane.isEmpty()) {
      try {
        Event event = lane.poll(100, TimeUnit.MILLISECONDS);
        if (event != null) {
          queued.decrementAndGet();
          writer.write(event);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warn("Could not record an Event: {}", PlexusTaskReconciler.oneLine(e));
      }
    }
  }

  /** Stops taking Events and writes what is queued (for at most {@link #CLOSE_WAIT}). */
  @Override
  public void close() {
    closing = true;
    long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
    for (Thread thread : writers) {
      try {
        thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (thread.isAlive()) {
        thread.interrupt();
      }
    }
    if (queued.get() > 0) {
      LOG.warn("{} Events not recorded: the API server did not take them in time", queued.get());
    }
  }
}
