package us.anth.plexus.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static us.anth.plexus.operator.testing.HttpProbe.get;
import static us.anth.plexus.operator.testing.OperatorHarness.eventually;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.devkit.EmbeddedKubeApi;
import us.anth.plexus.operator.OperatorMain;
import us.anth.plexus.operator.model.JobNames;
import us.anth.plexus.operator.testing.TestPools;
import us.anth.plexus.operator.testing.TestTasks;

/**
 * The process entry point: env config, endpoints and namespace scoping. (Leader election cannot run
 * on the mock: JOSDK first checks Lease access with a SelfSubjectRulesReview, which the mock
 * rejects; {@code PlexusOperatorTest} covers its configuration.)
 */
class OperatorMainIT {
  private final EmbeddedKubeApi api = EmbeddedKubeApi.start();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void runsFromEnvironmentWithEndpointsInTheWatchedNamespaceOnly() throws Exception {
    Map<String, String> env =
        Map.of(
            "PLEXUS_WATCH_NAMESPACES", "watched",
            "PLEXUS_HEALTH_PORT", "0",
            "PLEXUS_METRICS_PORT", "0",
            "PLEXUS_RUNNER_IMAGE", "runner:test");
    var tasks = api.client().resources(PlexusTask.class);
    api.client()
        .resources(PlexusWorkerPool.class)
        .resource(TestPools.pool("main-pool", "main/*"))
        .create();
    tasks
        .resource(
            TestTasks.builder().namespace("ignored").name("other").target("main/x").buildNew())
        .create();
    try (OperatorMain.Running running = OperatorMain.start(env, api.client())) {
      PlexusTask task =
          tasks
              .resource(
                  TestTasks.builder().namespace("watched").name("t").target("main/x").buildNew())
              .create();
      var job =
          eventually()
              .until(
                  () ->
                      api.client()
                          .batch()
                          .v1()
                          .jobs()
                          .inNamespace("watched")
                          .withName(JobNames.forTask(task))
                          .get(),
                  j -> j != null);
      assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
          .isEqualTo("runner:test");
      eventually().until(() -> get(running.health().port(), "/readyz").statusCode() == 200);
      assertThat(get(running.health().port(), "/healthz").statusCode()).isEqualTo(200);
      assertThat(get(running.metrics().port(), "/metrics").body())
          .contains("plexus_operator_job_creations_total 1.0")
          .as("JOSDK's metrics on the same registry")
          .containsPattern("(?m)^operator_sdk_\\w+");
      assertThat(api.client().batch().v1().jobs().inNamespace("ignored").list().getItems())
          .isEmpty();
      assertThat(tasks.inNamespace("ignored").withName("other").get().getStatus()).isNull();
    }
  }
}
