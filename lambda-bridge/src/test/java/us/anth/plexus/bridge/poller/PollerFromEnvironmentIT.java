package us.anth.plexus.bridge.poller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.bridge.DashboardTasks;
import us.anth.plexus.devkit.EmbeddedDynamo;
import us.anth.plexus.devkit.EmbeddedKubeApi;
import us.anth.plexus.store.TaskRecordStore;
import us.anth.plexus.store.TaskStoreSettings;

/** The poller wired from its environment alone, finding the table's stream by itself. */
class PollerFromEnvironmentIT {
  @Test
  void pollerBuiltFromTheEnvironmentFindsTheStreamAndDispatches() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    try (EmbeddedDynamo dynamo =
            EmbeddedDynamo.start(
                TaskStoreSettings.defaults().withTables("Task-" + suffix, "TaskStage-" + suffix),
                true);
        EmbeddedKubeApi kube = EmbeddedKubeApi.start()) {
      Map<String, String> env = new java.util.HashMap<>(dynamo.settings().toEnv());
      env.put("PLEXUS_BRIDGE_NAMESPACE_MAP", "acct-1=mapped-" + suffix);
      env.put("POD_NAMESPACE", "bridge-" + suffix);
      StreamPoller poller = StreamPollerMain.fromEnv(env, kube.client());
      Thread thread = new Thread(poller, "stream-poller");
      thread.start();
      var task = DashboardTasks.pending();
      try {
        dynamo.client().putItem(r -> r.tableName(dynamo.settings().taskTable()).item(task.item()));
        var store = new TaskRecordStore(dynamo.client(), dynamo.settings());
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> "DISPATCHED".equals(store.find(task.id()).orElseThrow().dispatchStatus()));
      } finally {
        poller.stop();
        assertThat(poller.awaitStopped(Duration.ofSeconds(10))).isTrue();
      }
      assertThat(
              kube.client()
                  .resources(PlexusTask.class)
                  .inNamespace("mapped-" + suffix)
                  .withName("task-" + task.id())
                  .get())
          .isNotNull();
      assertThat(
              kube.client()
                  .configMaps()
                  .inNamespace("bridge-" + suffix)
                  .withName("plexus-bridge-checkpoint")
                  .get()
                  .getData())
          .isNotEmpty();
    }
  }
}
