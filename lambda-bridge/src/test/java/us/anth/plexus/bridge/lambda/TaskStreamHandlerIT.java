package us.anth.plexus.bridge.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.Record;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.bridge.BridgeConfig;
import us.anth.plexus.bridge.BridgeCores;
import us.anth.plexus.bridge.BridgeFixture;
import us.anth.plexus.bridge.DashboardTasks;
import us.anth.plexus.bridge.FailingKubeProxy;
import us.anth.plexus.bridge.NamespaceMapping;
import us.anth.plexus.store.TaskRecord;

/** The Lambda handler fed with real stream records of DynamoDB Local, against the mock API. */
class TaskStreamHandlerIT {
  @RegisterExtension static final BridgeFixture fixture = new BridgeFixture();

  private BridgeFixture.Table table;
  private String teamNamespace;
  private String defaultNamespace;

  @BeforeEach
  void newTable() {
    table = fixture.newTable();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    teamNamespace = "team-" + suffix;
    defaultNamespace = "plexus-" + suffix;
  }

  private TaskStreamHandler handler(KubernetesClient kube) {
    BridgeConfig config =
        new BridgeConfig(NamespaceMapping.parse("acct-1=" + teamNamespace, defaultNamespace), 4);
    return new TaskStreamHandler(
        name -> BridgeCores.forTable(fixture.dynamo(), table.settings(), name, kube, config));
  }

  private StreamsEventResponse deliver(TaskStreamHandler handler, List<Record> records) {
    return handler.handleRequest(LambdaEvents.of(table.streamArn(), records), null);
  }

  @Test
  void insertedPendingTaskBecomesAPlexusTaskAndEndsDispatched() throws Exception {
    var task = DashboardTasks.pending();
    table.insert(task);

    StreamsEventResponse response = deliver(handler(fixture.kube()), table.streamRecords());

    assertThat(response.getBatchItemFailures()).isEmpty();
    List<PlexusTask> created = table.plexusTasks(teamNamespace, task.id());
    assertThat(created).hasSize(1);
    PlexusTask ptask = created.get(0);
    assertThat(ptask.getMetadata().getName()).isEqualTo("task-" + task.id());
    var item = task.item();
    var spec = ptask.getSpec();
    assertThat(spec.getTaskId()).isEqualTo(task.id());
    assertThat(spec.getAccountId()).isEqualTo(item.get("accountId").s());
    assertThat(spec.getType()).isEqualTo(item.get("type").s());
    assertThat(spec.getTarget()).isEqualTo(item.get("target").s());
    assertThat(spec.getCommand()).isEqualTo(item.get("command").s());
    assertThat(spec.getDescription()).isEqualTo(item.get("description").s());
    assertThat(spec.getScorecardId()).isEqualTo(item.get("scorecardId").s());
    assertThat(spec.getScoreId()).isEqualTo(item.get("scoreId").s());
    assertThat(spec.getMetadata()).isEqualTo(new ObjectMapper().readTree(item.get("metadata").s()));

    TaskRecord record = table.record(task.id());
    assertThat(record.dispatchStatus()).isEqualTo("DISPATCHED");
    assertThat(record.status()).isEqualTo("PENDING");
    assertThat(record.metadata()).contains(teamNamespace).contains("task-" + task.id());
  }

  @Test
  void unmappedAccountGoesToTheDefaultNamespace() {
    var task = DashboardTasks.pending().with("accountId", "acct-other");
    table.insert(task);

    deliver(handler(fixture.kube()), table.streamRecords());

    assertThat(table.plexusTasks(defaultNamespace, task.id())).hasSize(1);
    assertThat(table.record(task.id()).dispatchStatus()).isEqualTo("DISPATCHED");
  }

  @Test
  void theSameRecordDeliveredThreeMoreTimesLeavesOnePlexusTask() {
    var task = DashboardTasks.pending();
    table.insert(task);
    List<Record> insert = table.streamRecordsOf(task.id());
    TaskStreamHandler handler = handler(fixture.kube());

    for (int delivery = 0; delivery < 4; delivery++) {
      assertThat(deliver(handler, insert).getBatchItemFailures()).isEmpty();
    }

    assertThat(table.plexusTasks(teamNamespace, task.id())).hasSize(1);
    assertThat(table.record(task.id()).dispatchStatus()).isEqualTo("DISPATCHED");
  }

  @Test
  void modifyBackToPendingDispatchesOnceAndTheBridgesOwnWritesAreIgnored() {
    var task = DashboardTasks.pending().with("dispatchStatus", "ERROR");
    table.insert(task);
    table.set(task.id(), "dispatchStatus", "PENDING");
    TaskStreamHandler handler = handler(fixture.kube());

    deliver(handler, table.streamRecordsOf(task.id()));
    // The whole stream again: INSERT(ERROR), MODIFY(→PENDING) and the bridge's own MODIFYs.
    List<Record> everything = table.streamRecordsOf(task.id());
    assertThat(everything).hasSizeGreaterThanOrEqualTo(4);
    assertThat(deliver(handler, everything).getBatchItemFailures()).isEmpty();

    assertThat(table.plexusTasks(teamNamespace, task.id())).hasSize(1);
    assertThat(table.record(task.id()).dispatchStatus()).isEqualTo("DISPATCHED");
  }

  @Test
  void localDispatchModeIsLeftAlone() {
    var task = DashboardTasks.pending().with("metadata", "{\"dispatch_mode\":\"local\"}");
    table.insert(task);

    assertThat(deliver(handler(fixture.kube()), table.streamRecords()).getBatchItemFailures())
        .isEmpty();

    assertThat(table.plexusTasks(teamNamespace, task.id())).isEmpty();
    TaskRecord record = table.record(task.id());
    assertThat(record.dispatchStatus()).isEqualTo("PENDING");
    assertThat(record.status()).isEqualTo("PENDING");
  }

  @Test
  void malformedTargetFailsTheTaskWithThePreciseReason() {
    var task = DashboardTasks.pending().with("target", "training/gpu\trequired");
    table.insert(task);

    assertThat(deliver(handler(fixture.kube()), table.streamRecords()).getBatchItemFailures())
        .isEmpty();

    assertThat(table.plexusTasks(teamNamespace, task.id())).isEmpty();
    TaskRecord record = table.record(task.id());
    assertThat(record.status()).isEqualTo("FAILED");
    assertThat(record.dispatchStatus()).isEqualTo("ERROR");
    assertThat(record.errorMessage())
        .isEqualTo(
            "Task "
                + task.id()
                + " cannot be dispatched: target 'training/gpu\\u0009required' has the control"
                + " character U+0009 at position 12; a target is printable text");
  }

  @Test
  void missingCommandFailsTheTaskWithThePreciseReason() {
    var task = DashboardTasks.pending().with("command", null);
    table.insert(task);

    deliver(handler(fixture.kube()), table.streamRecords());
    deliver(handler(fixture.kube()), table.streamRecordsOf(task.id()));

    assertThat(table.plexusTasks(teamNamespace, task.id())).isEmpty();
    TaskRecord record = table.record(task.id());
    assertThat(record.status()).isEqualTo("FAILED");
    assertThat(record.dispatchStatus()).isEqualTo("ERROR");
    assertThat(record.errorMessage())
        .isEqualTo("Task " + task.id() + " cannot be dispatched: command is missing or empty");
  }

  @Test
  void aFailingRecordIsReportedAloneAndTheRecordsBeforeItAreNotRerun() throws Exception {
    var first = DashboardTasks.pending();
    var second = DashboardTasks.pending();
    var third = DashboardTasks.pending();
    table.insert(first);
    table.insert(second);
    table.insert(third);
    List<Record> batch = table.streamRecords();
    try (FailingKubeProxy proxy = FailingKubeProxy.start(fixture.kubeApi().url(), 0);
        KubernetesClient kube = proxy.client()) {
      TaskStreamHandler handler = handler(kube);
      assertThat(deliver(handler, batch.subList(0, 1)).getBatchItemFailures()).isEmpty();
    }
    try (FailingKubeProxy proxy = FailingKubeProxy.start(fixture.kubeApi().url(), 1);
        KubernetesClient flaky = proxy.client()) {
      TaskStreamHandler handler = handler(flaky);
      StreamsEventResponse response = deliver(handler, batch);

      assertThat(response.getBatchItemFailures())
          .extracting(BatchItemFailure::getItemIdentifier)
          .containsExactly(batch.get(1).dynamodb().sequenceNumber());
      assertThat(table.record(third.id()).dispatchStatus()).isEqualTo("PENDING");

      // Lambda redelivers from the failed record on.
      assertThat(deliver(handler, batch.subList(1, 3)).getBatchItemFailures()).isEmpty();
    }
    for (var task : List.of(first, second, third)) {
      assertThat(table.plexusTasks(teamNamespace, task.id())).hasSize(1);
      assertThat(table.record(task.id()).dispatchStatus()).isEqualTo("DISPATCHED");
    }
  }
}
