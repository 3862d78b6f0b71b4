package us.anth.plexus.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import us.anth.plexus.api.PlexusWorkerPool;

/**
 * Puts a rendered chart's CRDs and pools into the in-process API server, as `helm install` would.
 */
final class ChartInstall {
  private ChartInstall() {}

  /** Applies the chart's CRDs, creates its pools and the namespace tasks will run in. */
  static void install(KubernetesClient client, RenderedChart chart, String taskNamespace)
      throws IOException {
    applyChartCrds(client);
    chart.all(PlexusWorkerPool.class).forEach(pool -> client.resource(pool).create());
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(taskNamespace).endMetadata().build())
        .create();
  }

  /** Creates or replaces the CRDs shipped in the chart's crds/ folder. */
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
}
