package us.anth.plexus.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.devkit.EmbeddedKubeApi;
import us.anth.plexus.operator.runtime.OperatorMetrics;
import us.anth.plexus.operator.testing.TestTasks;

/**
 * The recorder writes Events off the caller's thread, in order, repeats as one Event; when its
 * queue is full it drops and counts instead of blocking (the API server here holds Event writes
 * until the test lets them through).
 */
class EventRecorderTest {
  private final CountDownLatch eventWrites = new CountDownLatch(1);
  private final EmbeddedKubeApi api = EmbeddedKubeApi.start(0, this::holdingEventWrites);
  private final OperatorMetrics metrics = new OperatorMetrics();
  private final PlexusTask task =
      api.client()
          .resources(PlexusTask.class)
          .resource(TestTasks.builder().namespace("ev").name("t").buildNew())
          .create();

  @AfterEach
  void stop() {
    eventWrites.countDown();
    api.close();
  }

  @Test
  void aFullQueueDropsAndCountsWithoutBlockingThenTheRestIsWritten() {
    EventRecorder recorder = new EventRecorder(api.client(), metrics, 2, 1);
    long start = System.nanoTime();
    recorder.record(task, "Normal", "First", "one"); // taken by the writer, held by the server
    await().atMost(Duration.ofSeconds(10)).until(() -> recorder.queued() == 0);
    recorder.record(task, "Normal", "Second", "two");
    recorder.record(task, "Warning", "Third", "three");
    recorder.record(task, "Normal", "Fourth", "dropped: the queue holds two");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(metrics.scrape()).contains("plexus_operator_events_dropped_total 1.0");

    eventWrites.countDown();
    List<Event> written =
        await().atMost(Duration.ofSeconds(10)).until(this::events, events -> events.size() == 3);
    assertThat(written)
        .extracting(Event::getReason)
        .containsExactlyInAnyOrder("First", "Second", "Third");
    recorder.close();
  }

  @Test
  void aRepeatUpdatesTheEventAndCloseWritesWhatIsQueued() {
    eventWrites.countDown();
    EventRecorder recorder = new EventRecorder(api.client(), metrics);
    recorder.record(task, "Warning", "MirrorFailed", "first try");
    recorder.record(task, "Warning", "MirrorFailed", "second try");
    recorder.close();

    assertThat(events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getMessage()).isEqualTo("second try");
              assertThat(e.getInvolvedObject().getUid()).isEqualTo(task.getMetadata().getUid());
            });
    recorder.record(task, "Normal", "AfterClose", "dropped");
    assertThat(metrics.scrape()).contains("plexus_operator_events_dropped_total 1.0");
  }

  private List<Event> events() {
    return api.client().v1().events().inNamespace("ev").list().getItems();
  }

  /** Holds every Event POST until {@link #eventWrites} opens. */
  private Dispatcher holdingEventWrites(Dispatcher api) {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if ("POST".equals(request.getMethod()) && request.getPath().endsWith("/events")) {
          try {
            eventWrites.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return api.dispatch(request);
      }
    };
  }
}
