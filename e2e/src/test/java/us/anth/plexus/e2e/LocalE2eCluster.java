package us.anth.plexus.e2e;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import us.anth.plexus.devkit.cluster.LocalCluster;
import us.anth.plexus.devkit.executor.ExecutorOptions;

/**
 * The local control plane (kube-local) as the end-to-end cluster: real API server, Job controller
 * and scheduler; pods of any image run as the runner from this classpath (devkit's node agent).
 */
final class LocalE2eCluster implements E2eCluster {
  private final LocalCluster cluster;

  private LocalE2eCluster(LocalCluster cluster) {
    this.cluster = cluster;
  }

  static LocalE2eCluster start(Path binary) {
    try {
      Path workDir = Files.createTempDirectory("e2e-node-agent-");
      ExecutorOptions options = ExecutorOptions.defaults(null).withLogDir(workDir.resolve("logs"));
      return new LocalE2eCluster(
          LocalCluster.start(binary, LocalCluster.DEFAULT_NODES, options, workDir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public KubernetesClient client() {
    return cluster.client();
  }

  @Override
  public String describe() {
    return "local control plane at "
        + cluster.plane().serverUrl()
        + " (ready in "
        + cluster.readyStart().toMillis()
        + " ms)";
  }

  @Override
  public void close() {
    cluster.close();
  }
}
