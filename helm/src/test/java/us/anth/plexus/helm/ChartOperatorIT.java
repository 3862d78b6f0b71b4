package us.anth.plexus.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.anth.plexus.api.PlexusLabels;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskSpec;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.devkit.EmbeddedDynamo;
import us.anth.plexus.devkit.EmbeddedKubeApi;
import us.anth.plexus.operator.OperatorConfig;
import us.anth.plexus.operator.PlexusOperator;
import us.anth.plexus.operator.mirror.TaskRecordMirrors;
import us.anth.plexus.operator.testing.JobControllerSimulator;
import us.anth.plexus.store.TaskRecord;
import us.anth.plexus.store.TaskRecordStore;
import us.anth.plexus.store.TaskStoreSettings;

/**
 * The chart as a whole: its CRDs and pools applied to the in-process API server, DynamoDB Local
 * behind the chart's {@code dynamodb} values, and the real operator configured only from the
 * rendered Deployment's env (its task record mirror built from it as OperatorMain does) carry a
 * kubectl-style GPU task from its Task record to a completed Job on the GPU pool.
 */
class ChartOperatorIT {
  @TempDir Path dir;

  @Test
  void operatorConfiguredByTheChartRunsAGpuTaskAndMirrorsItToDynamoDb() throws IOException {
    String namespace = "it-" + UUID.randomUUID().toString().substring(0, 8);
    // One replica (no leader election against the mock) watching this test's own namespace.
    String overrides = "replicaCount: 1\nwatchNamespaces: [" + namespace + "]\n";
    // DynamoDB Local gets the tables, region and DataStore switch values-full.yaml sets.
    TaskStoreSettings chartStore = TaskStoreSettings.fromEnv(operatorEnv(render(overrides)));

    try (EmbeddedDynamo dynamo = EmbeddedDynamo.start(chartStore, false);
        EmbeddedKubeApi api = EmbeddedKubeApi.start()) {
      RenderedChart chart =
          render(overrides + "dynamodb:\n  endpoint: " + dynamo.endpoint() + "\n");
      Map<String, String> env = operatorEnv(chart);
      assertThat(env).containsEntry("PLEXUS_WATCH_NAMESPACES", namespace);
      TaskStoreSettings store = TaskStoreSettings.fromEnv(env);
      assertThat(store).isEqualTo(dynamo.settings());
      TaskRecordStore records = new TaskRecordStore(dynamo.client(), store);
      KubernetesClient client = api.client();
      ChartInstall.install(client, chart, namespace);
      PlexusOperator operator =
          PlexusOperator.create(
              client, OperatorConfig.fromEnv(env), TaskRecordMirrors.fromSettings(store));
      operator.start();
      try {
        PlexusTask created = client.resource(gpuTask(namespace)).create();

        // No taskId (as applied with kubectl): the operator creates the Task record first and
        // writes its id into the task.
        String taskId =
            eventually()
                .until(() -> task(client, namespace).getSpec().getTaskId(), id -> id != null);
        TaskRecord pending = records.find(taskId).orElseThrow();
        assertThat(pending.status()).isEqualTo("PENDING");
        assertThat(pending.dispatchStatus()).isEqualTo("DISPATCHED");
        assertThat(pending.accountId()).isEqualTo(created.getSpec().getAccountId());
        assertThat(pending.command()).isEqualTo(created.getSpec().getCommand());
        assertThat(pending.target()).isEqualTo("training/gpu-required");

        Job job = awaitJob(client, namespace);
        assertRunsOnTheGpuPool(job, chart.one(PlexusWorkerPool.class, "gpu"));
        assertThat(envOf(job.getSpec().getTemplate().getSpec().getContainers().get(0)))
            .containsEntry("PLEXUS_TASK_ID", taskId)
            .containsAllEntriesOf(store.toEnv());
        assertThat(job.getMetadata().getLabels()).containsEntry(PlexusLabels.TASK_ID, taskId);

        new JobControllerSimulator(client).complete(job);
        PlexusTaskStatus done =
            eventually()
                .until(
                    () -> task(client, namespace).getStatus(),
                    s -> s != null && s.getPhase() == TaskPhase.Succeeded);
        assertThat(done.getPool()).isEqualTo("gpu");
        TaskRecord completed =
            eventually()
                .until(
                    () -> records.find(taskId).orElseThrow(), r -> "COMPLETED".equals(r.status()));
        assertThat(completed.dispatchStatus()).isEqualTo("DISPATCHED");
        assertThat(completed.completedAt()).isNotNull();
      } finally {
        operator.stop();
      }
    }
  }

  /** values-full.yaml, then {@code overrides}. */
  private RenderedChart render(String overrides) throws IOException {
    Path file = Files.createTempFile(dir, "overrides", ".yaml");
    Files.writeString(file, overrides);
    return Chart.parse(
        Chart.template()
            .withValuesFile(Chart.testResource("values-full.yaml"))
            .withValuesFile(file)
            .call());
  }

  private static Map<String, String> operatorEnv(RenderedChart chart) {
    return ContainerEnv.resolve(OperatorDeploymentTest.operator(chart), Chart.NAMESPACE);
  }

  private static void assertRunsOnTheGpuPool(Job job, PlexusWorkerPool gpu) {
    PodSpec pod = job.getSpec().getTemplate().getSpec();
    assertThat(pod.getNodeSelector()).isEqualTo(gpu.getSpec().getNodeSelector());
    assertThat(pod.getTolerations()).isEqualTo(gpu.getSpec().getTolerations());
    assertThat(pod.getServiceAccountName()).isEqualTo("plexus-gpu-runner");
    assertThat(job.getMetadata().getLabels()).containsEntry(PlexusLabels.POOL, "gpu");
    Container runner = pod.getContainers().get(0);
    assertThat(runner.getImage()).isEqualTo(gpu.getSpec().getImage());
    assertThat(runner.getResources().getLimits())
        .containsEntry("nvidia.com/gpu", new Quantity("1"));
    assertThat(envOf(runner)).containsEntry("CUDA_VISIBLE_DEVICES", "0");
  }

  private static ConditionFactory eventually() {
    return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
  }

  private static Job awaitJob(KubernetesClient client, String namespace) {
    return eventually()
        .until(
            () -> client.batch().v1().jobs().inNamespace(namespace).list().getItems(),
            jobs -> !jobs.isEmpty())
        .get(0);
  }

  private static PlexusTask task(KubernetesClient client, String namespace) {
    return client.resources(PlexusTask.class).inNamespace(namespace).withName("train").get();
  }

  private static PlexusTask gpuTask(String namespace) {
    PlexusTaskSpec spec = new PlexusTaskSpec();
    spec.setAccountId("acct-1");
    spec.setType("training");
    spec.setTarget("training/gpu-required");
    // Not "training run ...": the GPU pool of values-full.yaml makes that wait for approval.
    spec.setCommand("evaluate accuracy --scorecard demo");
    PlexusTask task = new PlexusTask();
    task.setMetadata(new ObjectMetaBuilder().withName("train").withNamespace(namespace).build());
    task.setSpec(spec);
    return task;
  }

  private static Map<String, String> envOf(Container container) {
    return container.getEnv().stream()
        .filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue, (a, b) -> b));
  }
}
