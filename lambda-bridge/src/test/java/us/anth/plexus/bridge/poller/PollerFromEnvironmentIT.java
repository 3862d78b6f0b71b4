package us.anth.plexus.bridge.poller;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTask;

/** The poller wired from its environment alone, finding the table's stream by itself. */
class PollerFromEnvironmentIT {
  @Test
  void pollerBuiltFromTheEnvironmentFindsTheStreamAndDispatches() throws Exception {
    try (PollerWorld world = new PollerWorld()) {
      String suffix = world.suffix;
      Map<String, String> env = world.env();
      env.put("PLEXUS_BRIDGE_NAMESPACE_MAP", "acct-1=mapped-" + suffix);
      env.put("POD_NAMESPACE", "bridge-" + suffix);
      var kube = world.kube.client();
      StreamPoller poller = StreamPollerMain.fromEnv(env, kube);
      Thread thread = new Thread(poller, "stream-poller");
      thread.start();
      String taskId = world.putPendingTask();
      try {
        world.awaitDispatched(taskId);
      } finally {
        poller.stop();
        assertThat(poller.awaitStopped(Duration.ofSeconds(10))).isTrue();
      }
      assertThat(
              kube.resources(PlexusTask.class)
                  .inNamespace("mapped-" + suffix)
                  .withName("task-" + taskId)
                  .get())
          .isNotNull();
      assertThat(
              kube.configMaps()
                  .inNamespace("bridge-" + suffix)
                  .withName("plexus-bridge-checkpoint")
                  .get()
                  .getData())
          .isNotEmpty();
    }
  }
}
