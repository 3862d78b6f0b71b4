package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import us.anth.plexus.operator.runtime.OperatorMetrics;

/**
 * Records Kubernetes Events off the reconcile thread, as client-go's event broadcaster does: a
 * reconcile only queues the Event (built and stamped at once); one thread writes them in order. The
 * queue is bounded: when it is full the Event is dropped and counted, never waited for. Events are
 * the third copy of an audit entry (status.history and the Task record hold it durably), so one
 * dropped or lost in a crash costs no state.
 */
public final class EventRecorder implements AutoCloseable {
  /** Events waiting to be written, at most (client-go's broadcaster also queues 1,000). */
  static final int CAPACITY = 1_000;

  /** How long {@link #close()} keeps writing what is queued. */
  static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

  private final BlockingQueue<Event> queue;
  private final TaskEvents writer;
  private final OperatorMetrics metrics;
  private final Thread worker;
  private volatile boolean closing;

  public EventRecorder(KubernetesClient client, OperatorMetrics metrics) {
    this(client, metrics, CAPACITY);
  }

  EventRecorder(KubernetesClient client, OperatorMetrics metrics, int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.writer = new TaskEvents(client);
    this.metrics = metrics;
    this.worker = new Thread(this::writeQueued, "event-recorder");
    worker.setDaemon(true);
    worker.start();
  }

  /** Queues an Event of type Normal or Warning about {@code about}; never blocks. */
  void record(HasMetadata about, String type, String reason, String message) {
    Event event = TaskEvents.build(about, type, reason, message, Instant.now());
    if (closing || !queue.offer(event)) {
      double dropped = metrics.eventDropped();
      if (Long.bitCount((long) dropped) == 1) { // 1st, 2nd, 4th, 8th ...: bounded log volume
        LOG.warn(
            "Dropped Event {} on {} ({} dropped so far): the queue of {} is full",
            reason,
            about.getMetadata().getName(),
            (long) dropped,
            queue.size() + queue.remainingCapacity());
      }
    }
  }

  /** Events queued and not yet taken by the writer. */
  int queued() {
    return queue.size();
  }

  private void writeQueued() {
    while (!closing || !queue.isEmpty()) {
      try {
        Event event = queue.poll(100, TimeUnit.MILLISECONDS);
        if (event != null) {
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
    try {
      worker.join(CLOSE_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (worker.isAlive()) {
      worker.interrupt();
      LOG.warn("{} Events not recorded: the API server did not take them in time", queue.size());
    }
  }
}
