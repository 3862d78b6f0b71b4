package us.anth.plexus.bridge.poller;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import us.anth.plexus.bridge.DashboardTasks;
import us.anth.plexus.devkit.EmbeddedDynamo;
import us.anth.plexus.devkit.EmbeddedKubeApi;
import us.anth.plexus.store.TaskRecordStore;
import us.anth.plexus.store.TaskStoreSettings;

/**
 * What a poller configured from its environment talks to: DynamoDB Local over HTTP with fresh,
 * streamed tables, and the mock Kubernetes API (test fixture; reachable from child processes).
 */
final class PollerWorld implements AutoCloseable {
  final String suffix = UUID.randomUUID().toString().substring(0, 8);
  final EmbeddedDynamo dynamo =
      EmbeddedDynamo.start(
          TaskStoreSettings.defaults().withTables("Task-" + suffix, "TaskStage-" + suffix), true);
  final EmbeddedKubeApi kube = EmbeddedKubeApi.start();

  /** The PLEXUS_DYNAMODB_* variables of these tables, in a map the test may add to. */
  Map<String, String> env() {
    return new HashMap<>(dynamo.settings().toEnv());
  }

  /** Writes a PENDING task as the dashboard does and returns its id. */
  String putPendingTask() {
    var task = DashboardTasks.pending();
    dynamo.client().putItem(r -> r.tableName(dynamo.settings().taskTable()).item(task.item()));
    return task.id();
  }

  /** Waits (up to a minute) for the bridge to mark the task DISPATCHED. */
  void awaitDispatched(String taskId) {
    var store = new TaskRecordStore(dynamo.client(), dynamo.settings());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> "DISPATCHED".equals(store.find(taskId).orElseThrow().dispatchStatus()));
  }

  @Override
  public void close() {
    kube.close();
    dynamo.close();
  }
}
