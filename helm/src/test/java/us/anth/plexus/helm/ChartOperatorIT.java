package us.anth.plexus.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.anth.plexus.api.PlexusLabels;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskSpec;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.devkit.EmbeddedKubeApi;
import us.anth.plexus.operator.OperatorConfig;
import us.anth.plexus.operator.PlexusOperator;
import us.anth.plexus.operator.mirror.TaskRecordMirror;

/**
 * The chart as a whole: its CRDs and pools applied to the in-process API server, and the real
 * operator configured from the rendered Deployment's env, dispatch a GPU task onto the GPU pool.
 */
class ChartOperatorIT {
  @Test
  void operatorConfiguredByTheChartRunsAGpuTaskOnTheRenderedGpuPool(@TempDir Path dir)
      throws IOException {
    String namespace = "it-" + UUID.randomUUID().toString().substring(0, 8);
    // One replica (no leader election against the mock) watching this test's own namespace.
    Path overrides =
        Files.writeString(
            dir.resolve("overrides.yaml"), "replicas: 1\nwatchNamespaces: [" + namespace + "]\n");
    RenderedChart chart =
        Chart.parse(
            Chart.template()
                .withValuesFile(Chart.testResource("values-full.yaml"))
                .withValuesFile(overrides)
                .call());
    Map<String, String> env =
        ContainerEnv.resolve(OperatorDeploymentTest.operator(chart), Chart.NAMESPACE);
    assertThat(env).containsEntry("PLEXUS_WATCH_NAMESPACES", namespace);
    PlexusWorkerPool gpu = chart.one(PlexusWorkerPool.class, "gpu");

    try (EmbeddedKubeApi api = EmbeddedKubeApi.start()) {
      KubernetesClient client = api.client();
      applyChartCrds(client);
      chart.all(PlexusWorkerPool.class).forEach(pool -> client.resource(pool).create());
      client
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
      PlexusOperator operator =
          PlexusOperator.create(client, OperatorConfig.fromEnv(env), TaskRecordMirror.DISABLED);
      operator.start();
      try {
        client.resource(gpuTask(namespace)).create();
        Job job =
            await()
                .atMost(Duration.ofSeconds(30))
                .until(
                    () -> client.batch().v1().jobs().inNamespace(namespace).list().getItems(),
                    jobs -> !jobs.isEmpty())
                .get(0);

        PodSpec pod = job.getSpec().getTemplate().getSpec();
        assertThat(pod.getNodeSelector()).isEqualTo(gpu.getSpec().getNodeSelector());
        assertThat(pod.getTolerations()).isEqualTo(gpu.getSpec().getTolerations());
        assertThat(pod.getServiceAccountName()).isEqualTo("plexus-gpu-runner");
        assertThat(job.getMetadata().getLabels()).containsEntry(PlexusLabels.POOL, "gpu");
        Container runner = pod.getContainers().get(0);
        assertThat(runner.getImage()).isEqualTo(gpu.getSpec().getImage());
        assertThat(runner.getResources().getLimits())
            .containsEntry("nvidia.com/gpu", new Quantity("1"));
        assertThat(envOf(runner))
            .containsEntry("PLEXUS_DYNAMODB_TASK_TABLE", "Task-abc123-NONE")
            .containsEntry("PLEXUS_DYNAMODB_REGION", "eu-west-1")
            .containsEntry("CUDA_VISIBLE_DEVICES", "0");
        await()
            .atMost(Duration.ofSeconds(10))
            .untilAsserted(
                () ->
                    assertThat(
                            client
                                .resources(PlexusTask.class)
                                .inNamespace(namespace)
                                .withName("train")
                                .get()
                                .getStatus()
                                .getPool())
                        .isEqualTo("gpu"));
      } finally {
        operator.stop();
      }
    }
  }

  /** Creates or replaces the CRDs shipped in the chart's crds/ folder, as `helm install` would. */
  private static void applyChartCrds(KubernetesClient client) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(Chart.DIR.resolve("crds"))) {
      files = listing.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
    }
    assertThat(files).hasSize(2);
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        CustomResourceDefinition crd =
            client.apiextensions().v1().customResourceDefinitions().load(in).item();
        client.resource(crd).createOr(NonDeletingOperation::update);
      }
    }
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
