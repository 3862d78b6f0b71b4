package us.anth.plexus.bridge.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.Record;
import us.anth.plexus.bridge.BridgeCore;
import us.anth.plexus.bridge.BridgeFixture;
import us.anth.plexus.bridge.CrashingTaskWriter;
import us.anth.plexus.bridge.DashboardTasks;
import us.anth.plexus.bridge.FailingKubeProxy;
import us.anth.plexus.bridge.KubernetesPlexusTaskWriter;
import us.anth.plexus.bridge.NamespaceMapping;
import us.anth.plexus.bridge.PlexusTaskWriter;
import us.anth.plexus.bridge.StoreDispatchRecords;
import us.anth.plexus.store.TaskRecord;

/**
 * The Lambda's redeliveries of one record whose dispatch failed (Kubernetes 500s) or whose
 * invocation died between the claim and the create (timeout, OOM): the next delivery finishes the
 * dispatch, and the last of the 4 allowed attempts ends in ERROR, never leaving DISPATCHING behind.
 */
class RedeliveryIT {
  private static final int MAX_ATTEMPTS = 4;
  @RegisterExtension static final BridgeFixture fixture = new BridgeFixture();

  private BridgeFixture.Table table;
  private String namespace;
  private DashboardTasks task;
  private List<Record> insert;

  @BeforeEach
  void pendingTask() {
    table = fixture.newTable();
    namespace = "redeliver-" + UUID.randomUUID().toString().substring(0, 8);
    task = DashboardTasks.pending();
    table.insert(task);
    insert = table.streamRecordsOf(task.id());
  }

  @Test
  void aKubernetes500OnTheFirstAttemptIsRetriedByRedeliveryAndFinishes() throws Exception {
    try (FailingKubeProxy proxy = FailingKubeProxy.start(fixture.kubeApi().url(), 1);
        KubernetesClient flaky = proxy.client()) {
      TaskStreamHandler handler = handler(new KubernetesPlexusTaskWriter(flaky));

      StreamsEventResponse first = deliver(handler, insert);
      assertThat(proxy.failuresSent()).isEqualTo(1);
      assertThat(first.getBatchItemFailures())
          .extracting(BatchItemFailure::getItemIdentifier)
          .containsExactly(insert.get(0).dynamodb().sequenceNumber());
      assertThat(table.record(task.id()).dispatchStatus()).isEqualTo("DISPATCHING");
      assertThat(table.plexusTasks(namespace, task.id())).isEmpty();

      assertThat(deliver(handler, insert).getBatchItemFailures()).isEmpty();
    }
    assertDispatchedOnce();
  }

  @Test
  void aKubernetesApiThatKeepsFailingEndsInErrorAfterTheLastAttempt() throws Exception {
    try (FailingKubeProxy proxy = FailingKubeProxy.start(fixture.kubeApi().url(), 100);
        KubernetesClient down = proxy.client()) {
      TaskStreamHandler handler = handler(new KubernetesPlexusTaskWriter(down));
      for (int delivery = 1; delivery < MAX_ATTEMPTS; delivery++) {
        assertThat(deliver(handler, insert).getBatchItemFailures()).hasSize(1);
        assertThat(table.record(task.id()).dispatchStatus()).isEqualTo("DISPATCHING");
      }
      assertThat(deliver(handler, insert).getBatchItemFailures()).isEmpty();
    }
    assertGaveUpAfterFourAttempts();
  }

  @Test
  void deliveriesAfterCrashedOnesFinishTheDispatchWithOnePlexusTask() {
    TaskStreamHandler handler = handler(crashingThreeTimes(fixture.kube()));

    crashThreeTimes(handler);
    assertThat(deliver(handler, insert).getBatchItemFailures()).isEmpty();

    assertDispatchedOnce();
  }

  @Test
  void theLastAttemptMarksErrorEvenWhenTheEarlierDeliveriesCrashed() throws Exception {
    try (FailingKubeProxy proxy = FailingKubeProxy.start(fixture.kubeApi().url(), 100);
        KubernetesClient down = proxy.client()) {
      TaskStreamHandler handler = handler(crashingThreeTimes(down));

      crashThreeTimes(handler);
      assertThat(deliver(handler, insert).getBatchItemFailures()).isEmpty();
      assertThat(proxy.failuresSent()).isEqualTo(1);
    }
    assertGaveUpAfterFourAttempts();
  }

  @Test
  void aTaskRequeuedAfterErrorGetsAFreshSetOfAttempts() throws Exception {
    try (FailingKubeProxy proxy = FailingKubeProxy.start(fixture.kubeApi().url(), 100);
        KubernetesClient down = proxy.client()) {
      TaskStreamHandler handler = handler(new KubernetesPlexusTaskWriter(down));
      for (int delivery = 1; delivery <= MAX_ATTEMPTS; delivery++) {
        deliver(handler, insert);
      }
    }
    assertThat(table.record(task.id()).dispatchStatus()).isEqualTo("ERROR");

    table.set(task.id(), "dispatchStatus", "PENDING");
    List<Record> all = table.streamRecordsOf(task.id());
    List<Record> requeue = List.of(all.get(all.size() - 1));
    try (FailingKubeProxy proxy = FailingKubeProxy.start(fixture.kubeApi().url(), 1);
        KubernetesClient flaky = proxy.client()) {
      TaskStreamHandler handler = handler(new KubernetesPlexusTaskWriter(flaky));

      assertThat(deliver(handler, requeue).getBatchItemFailures()).hasSize(1);
      assertThat(table.record(task.id()).dispatchStatus()).isEqualTo("DISPATCHING");
      assertThat(deliver(handler, requeue).getBatchItemFailures()).isEmpty();
    }
    assertDispatchedOnce();
  }

  /** Three invocations die after the claim; each leaves the record DISPATCHING, no PlexusTask. */
  private void crashThreeTimes(TaskStreamHandler handler) {
    for (int delivery = 1; delivery < MAX_ATTEMPTS; delivery++) {
      assertThatThrownBy(() -> deliver(handler, insert))
          .isInstanceOf(CrashingTaskWriter.Crash.class);
      assertThat(table.record(task.id()).dispatchStatus()).isEqualTo("DISPATCHING");
    }
    assertThat(table.plexusTasks(namespace, task.id())).isEmpty();
  }

  private void assertDispatchedOnce() {
    assertThat(table.plexusTasks(namespace, task.id())).hasSize(1);
    assertThat(table.record(task.id()).dispatchStatus()).isEqualTo("DISPATCHED");
  }

  private void assertGaveUpAfterFourAttempts() {
    TaskRecord record = table.record(task.id());
    assertThat(record.status()).isEqualTo("FAILED");
    assertThat(record.dispatchStatus()).isEqualTo("ERROR");
    assertThat(record.errorMessage())
        .isEqualTo(
            "Could not create PlexusTask "
                + namespace
                + "/task-"
                + task.id()
                + " after 4 attempts: HTTP 500: etcdserver: request timed out");
    assertThat(table.plexusTasks(namespace, task.id())).isEmpty();
  }

  private static PlexusTaskWriter crashingThreeTimes(KubernetesClient kube) {
    return CrashingTaskWriter.crashingOnCalls(new KubernetesPlexusTaskWriter(kube), 1, 2, 3);
  }

  private TaskStreamHandler handler(PlexusTaskWriter writer) {
    BridgeCore core =
        new BridgeCore(
            new StoreDispatchRecords(fixture.dynamo(), table.settings()),
            writer,
            NamespaceMapping.parse("", namespace),
            MAX_ATTEMPTS);
    return new TaskStreamHandler(name -> core);
  }

  private StreamsEventResponse deliver(TaskStreamHandler handler, List<Record> records) {
    return handler.handleRequest(LambdaEvents.of(table.streamArn(), records), null);
  }
}
