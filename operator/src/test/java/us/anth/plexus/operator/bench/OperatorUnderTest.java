package us.anth.plexus.operator.bench;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.UUID;
import us.anth.plexus.devkit.EmbeddedKubeApi;
import us.anth.plexus.operator.OperatorConfig;
import us.anth.plexus.operator.PlexusOperator;
import us.anth.plexus.operator.mirror.TaskRecordMirror;

/**
 * A fresh in-process API server with the real operator on it; the operator's client counts its
 * requests, the benchmark's own client ({@link #client()}) is not counted.
 */
final class OperatorUnderTest implements AutoCloseable {
  final EmbeddedKubeApi api = EmbeddedKubeApi.start();
  final RequestCounter counter = new RequestCounter();
  private final KubernetesClient operatorClient = counter.client(api.url());
  private final PlexusOperator operator =
      PlexusOperator.create(operatorClient, OperatorConfig.defaults(), TaskRecordMirror.DISABLED);

  OperatorUnderTest() {
    operator.start();
  }

  KubernetesClient client() {
    return api.client();
  }

  /** Creates a random namespace and returns its name. */
  String newNamespace() {
    String name = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    client()
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    return name;
  }

  @Override
  public void close() {
    operator.stop();
    operatorClient.close();
    api.close();
  }
}
