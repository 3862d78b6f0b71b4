package us.anth.plexus.bridge.poller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.Record;
import us.anth.plexus.bridge.BridgeConfig;
import us.anth.plexus.bridge.BridgeCore;
import us.anth.plexus.bridge.BridgeCores;
import us.anth.plexus.bridge.BridgeFixture;
import us.anth.plexus.bridge.CrashingTaskWriter;
import us.anth.plexus.bridge.DashboardTasks;
import us.anth.plexus.bridge.DispatchOutcome;
import us.anth.plexus.bridge.KubernetesPlexusTaskWriter;
import us.anth.plexus.bridge.NamespaceMapping;
import us.anth.plexus.bridge.StoreDispatchRecords;
import us.anth.plexus.bridge.TaskChange;

/** The stream poller reading DynamoDB Local's stream, checkpointing in the mock API. */
class StreamPollerIT {
  private static final PollerOptions FAST =
      new PollerOptions(2, Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(200));

  @RegisterExtension static final BridgeFixture fixture = new BridgeFixture();

  private BridgeFixture.Table table;
  private String namespace;
  private PollerSettings settings;
  private BridgeCore core;

  @BeforeEach
  void newTable() {
    table = fixture.newTable();
    namespace = "poll-" + UUID.randomUUID().toString().substring(0, 8);
    settings = new PollerSettings(table.streamArn(), "bridge-checkpoint", namespace);
    core =
        BridgeCores.forTable(
            fixture.dynamo(),
            table.settings(),
            table.name(),
            fixture.kube(),
            new BridgeConfig(NamespaceMapping.parse("", namespace), 4));
  }

  @Test
  void dispatchesEveryTaskAcrossAShardRolloverAndCheckpointsEachShard() throws Exception {
    List<DashboardTasks> tasks = insert(3);
    fixture.dynamoLocal().triggerShardRollovers();
    tasks.addAll(insert(3));
    var skipped =
        DashboardTasks.pending().with("metadata", "{\"dispatch_mode\":\"console_async_worker\"}");
    table.insert(skipped);

    StreamPoller poller =
        StreamPollerMain.create(
            fixture.streams(), table.streamArn(), fixture.kube(), settings, core, FAST);
    Thread thread = started(poller, false);
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  tasks.forEach(
                      t ->
                          assertThat(table.record(t.id()).dispatchStatus())
                              .isEqualTo("DISPATCHED")));
    } finally {
      poller.stop();
      assertThat(poller.awaitStopped(Duration.ofSeconds(10))).isTrue();
      thread.join(1000);
    }
    tasks.forEach(t -> assertThat(table.plexusTasks(namespace, t.id())).hasSize(1));
    assertThat(table.plexusTasks(namespace, skipped.id())).isEmpty();
    assertThat(table.record(skipped.id()).dispatchStatus()).isEqualTo("PENDING");

    Map<String, String> checkpoint =
        fixture
            .kube()
            .configMaps()
            .inNamespace(namespace)
            .withName("bridge-checkpoint")
            .get()
            .getData();
    assertThat(checkpoint).containsValue(ShardCheckpoints.FINISHED);
    assertThat(checkpoint.values()).anyMatch(v -> v.matches("\\d+"));
  }

  @Test
  void stoppedAndRestartedMidStreamHandlesEveryRecordExactlyOnce() throws Exception {
    List<DashboardTasks> tasks = insert(6);
    List<Record> inserts = table.streamRecords();
    List<Handled> handled = Collections.synchronizedList(new ArrayList<>());

    StreamPoller[] first = new StreamPoller[1];
    first[0] =
        poller(
            record -> {
              handled.add(dispatch(record, 1));
              if (handled.size() == 3) {
                first[0].stop();
              }
            });
    first[0].run();
    assertThat(handled).hasSize(3);

    restartUntilAllDispatched(tasks, handled);

    assertThat(handled.stream().filter(h -> h.run == 2).findFirst().orElseThrow().sequenceNumber)
        .isEqualTo(inserts.get(3).dynamodb().sequenceNumber());
    assertEveryRecordHandledOnceAndEveryTaskDispatchedOnce(tasks, handled);
  }

  @Test
  void killedBetweenDispatchAndCheckpointRedeliversOnlyThatRecordWithoutASecondDispatch()
      throws Exception {
    List<DashboardTasks> tasks = insert(6);
    List<Record> inserts = table.streamRecords();
    List<Handled> handled = Collections.synchronizedList(new ArrayList<>());

    StreamPoller first =
        poller(
            record -> {
              handled.add(dispatch(record, 1));
              if (handled.size() == 4) {
                throw new Killed(); // dies after the dispatch, before the checkpoint is written
              }
            });
    runUntilItDies(first);

    restartUntilAllDispatched(tasks, handled);

    Handled resumedAt = handled.stream().filter(h -> h.run == 2).findFirst().orElseThrow();
    assertThat(resumedAt.sequenceNumber).isEqualTo(inserts.get(3).dynamodb().sequenceNumber());
    assertThat(resumedAt.outcome.kind()).isEqualTo(DispatchOutcome.Kind.ALREADY_HANDLED);
    Map<String, Long> dispatches = dispatchedCounts(handled);
    tasks.forEach(t -> assertThat(dispatches.get(t.id())).as(t.id()).isEqualTo(1L));
    tasks.forEach(t -> assertThat(table.plexusTasks(namespace, t.id())).hasSize(1));
    assertThat(streamSequenceNumbers())
        .isSubsetOf(handled.stream().map(h -> h.sequenceNumber).toList());
  }

  @Test
  void killedBetweenClaimAndCreateResumesThatClaimAfterTheRestart() throws Exception {
    List<DashboardTasks> tasks = insert(3);
    List<Record> inserts = table.streamRecords();
    List<Handled> handled = Collections.synchronizedList(new ArrayList<>());
    BridgeCore crashingOnSecond =
        new BridgeCore(
            new StoreDispatchRecords(fixture.dynamo(), table.settings()),
            CrashingTaskWriter.crashingOnCalls(new KubernetesPlexusTaskWriter(fixture.kube()), 2),
            NamespaceMapping.parse("", namespace),
            4);

    StreamPoller first = poller(record -> handled.add(dispatch(crashingOnSecond, record, 1)));
    runUntilItDies(first);
    assertThat(handled).hasSize(1);
    assertThat(table.record(tasks.get(1).id()).dispatchStatus()).isEqualTo("DISPATCHING");
    assertThat(table.plexusTasks(namespace, tasks.get(1).id())).isEmpty();

    restartUntilAllDispatched(tasks, handled);

    Handled resumed = handled.stream().filter(h -> h.run == 2).findFirst().orElseThrow();
    assertThat(resumed.sequenceNumber).isEqualTo(inserts.get(1).dynamodb().sequenceNumber());
    assertThat(resumed.outcome.kind()).isEqualTo(DispatchOutcome.Kind.DISPATCHED);
    assertEveryRecordHandledOnceAndEveryTaskDispatchedOnce(tasks, handled);
  }

  private void assertEveryRecordHandledOnceAndEveryTaskDispatchedOnce(
      List<DashboardTasks> tasks, List<Handled> handled) {
    List<String> sequences = handled.stream().map(h -> h.sequenceNumber).toList();
    assertThat(sequences).doesNotHaveDuplicates();
    assertThat(streamSequenceNumbers()).isSubsetOf(sequences);
    Map<String, Long> dispatches = dispatchedCounts(handled);
    tasks.forEach(t -> assertThat(dispatches.get(t.id())).as(t.id()).isEqualTo(1L));
    tasks.forEach(t -> assertThat(table.plexusTasks(namespace, t.id())).hasSize(1));
  }

  private List<String> streamSequenceNumbers() {
    // Records the bridge's own final writes produced may arrive after the poller stopped.
    return table.streamRecords().stream()
        .filter(r -> !"DISPATCHED".equals(dispatchStatus(r)))
        .map(r -> r.dynamodb().sequenceNumber())
        .toList();
  }

  private static String dispatchStatus(Record record) {
    var value = record.dynamodb().newImage().get("dispatchStatus");
    return value == null ? null : value.s();
  }

  private static Map<String, Long> dispatchedCounts(List<Handled> handled) {
    return handled.stream()
        .filter(h -> h.outcome.kind() == DispatchOutcome.Kind.DISPATCHED)
        .collect(Collectors.groupingBy(h -> h.outcome.taskId(), Collectors.counting()));
  }

  private Handled dispatch(Record record, int run) {
    return dispatch(core, record, run);
  }

  private static Handled dispatch(BridgeCore core, Record record, int run) {
    return new Handled(
        run, record.dynamodb().sequenceNumber(), core.dispatch(TaskChange.of(record)));
  }

  /** A second poller, from the checkpoint, until every task is DISPATCHED. */
  private void restartUntilAllDispatched(List<DashboardTasks> tasks, List<Handled> handled)
      throws InterruptedException {
    runUntil(
        poller(record -> handled.add(dispatch(record, 2))),
        () ->
            tasks.stream().allMatch(t -> "DISPATCHED".equals(table.record(t.id()).dispatchStatus()))
                && everyStreamRecordHandled(handled));
  }

  /**
   * Whether the poller has read every record the assertions count: under load the records of the
   * bridge's own claims can still be unread when the last task turns DISPATCHED.
   */
  private boolean everyStreamRecordHandled(List<Handled> handled) {
    List<String> seen;
    synchronized (handled) {
      seen = handled.stream().map(h -> h.sequenceNumber).toList();
    }
    return seen.containsAll(streamSequenceNumbers());
  }

  private static void runUntilItDies(StreamPoller poller) throws InterruptedException {
    Thread crashed = started(poller, true);
    crashed.join(30_000);
    assertThat(crashed.isAlive()).isFalse();
  }

  private StreamPoller poller(StreamRecordHandler handler) {
    ShardCheckpoints checkpoints =
        ConfigMapCheckpoints.load(
            fixture.kube(), namespace, "bridge-checkpoint", table.streamArn());
    return new StreamPoller(fixture.streams(), table.streamArn(), checkpoints, handler, FAST);
  }

  private static void runUntil(StreamPoller poller, java.util.concurrent.Callable<Boolean> done)
      throws InterruptedException {
    Thread thread = started(poller, false);
    try {
      await().atMost(Duration.ofSeconds(30)).until(done);
      // One more idle pass so the records of the bridge's last writes are read too.
      Thread.sleep(300);
    } finally {
      poller.stop();
      assertThat(poller.awaitStopped(Duration.ofSeconds(10))).isTrue();
      thread.join(1000);
    }
  }

  private List<DashboardTasks> insert(int count) {
    List<DashboardTasks> tasks = new ArrayList<>();
    IntStream.range(0, count)
        .forEach(
            i -> {
              DashboardTasks task = DashboardTasks.pending();
              table.insert(task);
              tasks.add(task);
            });
    return tasks;
  }

  private static Thread started(Runnable runnable, boolean quietDeath) {
    Thread thread = new Thread(runnable, "stream-poller");
    if (quietDeath) {
      thread.setUncaughtExceptionHandler((t, e) -> {});
    }
    thread.start();
    return thread;
  }

  private record Handled(int run, String sequenceNumber, DispatchOutcome outcome) {}

  private static final class Killed extends Error {}
}
