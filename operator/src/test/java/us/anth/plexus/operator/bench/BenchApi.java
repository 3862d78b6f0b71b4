package us.anth.plexus.operator.bench;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import us.anth.plexus.devkit.EmbeddedKubeApi;
import us.anth.plexus.devkit.cluster.ClusterCrds;
import us.anth.plexus.devkit.cluster.LocalControlPlane;
import us.anth.plexus.operator.OperatorConfig;

/**
 * The API server an operator benchmark runs on ({@code --api}): {@code embedded}, a new in-process
 * mock per {@link #start}; {@code local}, the real control plane (kube-local: etcd, kube-apiserver,
 * Job controller, scheduler; no nodes, so pods stay Pending), started once per process with the
 * CRDs installed, each {@link #start} working in new namespaces of it.
 */
abstract class BenchApi implements AutoCloseable {
  /**
   * The in-process server's per-request log lines, off as in {@code plexusctl dev} (held here so
   * the setting is not collected with the logger).
   */
  private static final java.util.logging.Logger MOCK_SERVER_LOG = quietMockServerLog();

  private static LocalControlPlane plane;

  /** A server for {@code api} (embedded or local) where this benchmark has created nothing yet. */
  static BenchApi start(String api) {
    return api.equals("local") ? new Local(localPlane()) : new Embedded(EmbeddedKubeApi.start());
  }

  /** An admin client (not counted). */
  abstract KubernetesClient client();

  /** Configuration for further admin clients (the operator's). */
  abstract Config config();

  /** A kubeconfig for the admin identity, for a child process. */
  abstract Path writeKubeconfig(Path file) throws IOException;

  @Override
  public abstract void close();

  /**
   * Creates a namespace with a random name and the runner's ServiceAccount in it (as the chart
   * does; without it a real server refuses the Jobs' pods); returns the name.
   */
  String newNamespace() {
    String name = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    client()
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    client()
        .serviceAccounts()
        .inNamespace(name)
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(OperatorConfig.defaults().runnerServiceAccount())
                .endMetadata()
                .build())
        .create();
    return name;
  }

  private static java.util.logging.Logger quietMockServerLog() {
    java.util.logging.Logger log = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");
    log.setLevel(java.util.logging.Level.WARNING);
    return log;
  }

  private static synchronized LocalControlPlane localPlane() {
    if (plane == null) {
      plane = LocalControlPlane.start();
      Runtime.getRuntime().addShutdownHook(new Thread(plane::close, "bench-plane-stop"));
      ClusterCrds.install(plane.client());
    }
    return plane;
  }

  private static final class Embedded extends BenchApi {
    private final EmbeddedKubeApi api;

    Embedded(EmbeddedKubeApi api) {
      this.api = api;
    }

    @Override
    KubernetesClient client() {
      return api.client();
    }

    @Override
    Config config() {
      return new ConfigBuilder(Config.empty()).withMasterUrl(api.url()).build();
    }

    @Override
    Path writeKubeconfig(Path file) throws IOException {
      return api.writeKubeconfig(file, "default");
    }

    @Override
    public void close() {
      api.close();
    }
  }

  /** The shared control plane; closing leaves it running (it stops when the process exits). */
  private static final class Local extends BenchApi {
    private final LocalControlPlane plane;

    Local(LocalControlPlane plane) {
      this.plane = plane;
    }

    @Override
    KubernetesClient client() {
      return plane.client();
    }

    @Override
    Config config() {
      return plane.config(plane.adminToken());
    }

    @Override
    Path writeKubeconfig(Path file) {
      return plane.writeKubeconfig(plane.adminToken(), "default", file);
    }

    @Override
    public void close() {}
  }
}
