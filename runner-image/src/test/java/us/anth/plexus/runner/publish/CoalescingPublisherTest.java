package us.anth.plexus.runner.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.StageState;

class CoalescingPublisherTest {
  private static final PublishPolicy FAST =
      new PublishPolicy(Duration.ofMillis(500), Duration.ofMillis(20), Duration.ofMillis(100));

  private final AtomicLong sequence = new AtomicLong();
  private final AtomicReference<StageState> status = new AtomicReference<>(StageState.RUNNING);
  private final List<String> log = new CopyOnWriteArrayList<>();

  private TaskSnapshot snapshot() {
    return TestSnapshots.bare(
        new TaskRef("ns", "t", null), sequence.incrementAndGet(), status.get());
  }

  /** A sink that records what it was given and can be told to fail. */
  static final class RecordingSink implements ProgressSink {
    final List<TaskSnapshot> written = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();

    @Override
    public String name() {
      return "recording";
    }

    @Override
    public void publish(TaskSnapshot snapshot) {
      if (failuresLeft.getAndDecrement() > 0) {
        throw new IllegalStateException("API unreachable");
      }
      written.add(snapshot);
    }
  }

  @Test
  void manyProgressChangesBecomeFewWritesOfTheLatestState() throws Exception {
    RecordingSink sink = new RecordingSink();
    CoalescingPublisher publisher = new CoalescingPublisher(sink, this::snapshot, FAST, log::add);
    long end = System.nanoTime() + Duration.ofMillis(1200).toNanos();
    while (System.nanoTime() < end) {
      publisher.changed(false);
    }
    status.set(StageState.COMPLETED);
    publisher.changed(true);
    assertThat(publisher.awaitFinish(Duration.ofSeconds(5))).isTrue();
    assertThat(sink.written).hasSizeBetween(2, 6);
    assertThat(sink.written.get(sink.written.size() - 1).isFinal()).isTrue();
    assertThat(log).anyMatch(line -> line.contains("intermediate states coalesced"));
  }

  @Test
  void criticalChangesAreWrittenAtOnceDespiteTheInterval() {
    RecordingSink sink = new RecordingSink();
    CoalescingPublisher publisher =
        new CoalescingPublisher(
            sink,
            this::snapshot,
            new PublishPolicy(Duration.ofHours(1), Duration.ofMillis(20), Duration.ofMillis(100)),
            log::add);
    publisher.changed(true);
    await().atMost(Duration.ofSeconds(5)).until(() -> sink.written.size() == 1);
    publisher.changed(false);
    publisher.changed(true);
    await().atMost(Duration.ofSeconds(5)).until(() -> sink.written.size() == 2);
  }

  @Test
  void failedWritesAreRetriedWithBackoffAndLogged() throws Exception {
    RecordingSink sink = new RecordingSink();
    sink.failuresLeft.set(3);
    CoalescingPublisher publisher = new CoalescingPublisher(sink, this::snapshot, FAST, log::add);
    status.set(StageState.FAILED);
    long start = System.nanoTime();
    publisher.changed(true);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));
    assertThat(publisher.awaitFinish(Duration.ofSeconds(5))).isTrue();
    assertThat(sink.written).hasSize(1);
    assertThat(sink.written.get(0).sequence()).isEqualTo(4);
    assertThat(log).filteredOn(line -> line.contains("API unreachable")).hasSize(3);
  }

  @Test
  void aHangingSinkNeitherBlocksChangesNorTheBoundedFinish() throws Exception {
    ProgressSink hanging =
        new ProgressSink() {
          @Override
          public String name() {
            return "hanging";
          }

          @Override
          public void publish(TaskSnapshot snapshot) throws InterruptedException {
            Thread.sleep(60_000);
          }
        };
    CoalescingPublisher publisher =
        new CoalescingPublisher(hanging, this::snapshot, FAST, log::add);
    long start = System.nanoTime();
    for (int i = 0; i < 1000; i++) {
      publisher.changed(i % 10 == 0);
    }
    assertThat(publisher.awaitFinish(Duration.ofMillis(300))).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(log).anyMatch(line -> line.contains("final state was NOT written"));
  }

  @Test
  void aGoneTargetEndsTheWritesAtOnceWithOneLogLine() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    ProgressSink gone =
        new ProgressSink() {
          @Override
          public String name() {
            return "gone";
          }

          @Override
          public void publish(TaskSnapshot snapshot) throws TargetGoneException {
            attempts.incrementAndGet();
            throw new TargetGoneException("PlexusTask ns/t is gone (HTTP 404)");
          }
        };
    CoalescingPublisher publisher = new CoalescingPublisher(gone, this::snapshot, FAST, log::add);
    publisher.changed(true);
    await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() == 1);
    for (int i = 0; i < 100; i++) {
      publisher.changed(i % 10 == 0);
    }
    status.set(StageState.COMPLETED);
    publisher.changed(true);
    assertThat(publisher.awaitFinish(Duration.ofSeconds(5))).isFalse();
    assertThat(attempts).as("no write after the target was gone, so no retry").hasValue(1);
    assertThat(log)
        .containsExactly(
            "gone: PlexusTask ns/t is gone (HTTP 404); stopped writing to it (state #1 and later"
                + " are dropped)",
            "gone: 0 writes for 102 changes (102 intermediate states coalesced), 0 failed attempts;"
                + " stopped early, its target is gone");
  }
}
