package us.anth.plexus.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.Map;
import us.anth.plexus.devkit.cluster.KubeLocalBinary;
import us.anth.plexus.devkit.cluster.LocalCluster;
import us.anth.plexus.devkit.cluster.RunnerIdentity;
import us.anth.plexus.devkit.executor.ExecutorOptions;

/**
 * The dev stack on the real local control plane ({@code --cluster local}): etcd, kube-apiserver,
 * controller manager and scheduler from the kube-local binary, nodes {@code cpu-1} and {@code
 * gpu-1} run by the node agent, and the runner's ServiceAccount {@code plexus-runner} (the
 * operator's default) with its Role in the dev namespace.
 */
final class LocalClusterDevKube implements DevKube {
  private final LocalCluster cluster;

  private LocalClusterDevKube(LocalCluster cluster) {
    this.cluster = cluster;
  }

  /** Starts it, or fails with one line saying why there is no kube-local binary. */
  static LocalClusterDevKube start(ExecutorOptions options, Path workDir, String namespace) {
    KubeLocalBinary binary = KubeLocalBinary.find();
    if (binary.path().isEmpty()) {
      throw new CliException(
          "--cluster local needs the kube-local binary: "
              + binary.reason()
              + " (build it with: bash kube-local/build.sh)");
    }
    LocalCluster cluster =
        LocalCluster.start(binary.path().get(), LocalCluster.DEFAULT_NODES, options, workDir);
    try {
      RunnerIdentity.apply(cluster.client(), namespace);
      return new LocalClusterDevKube(cluster);
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  @Override
  public KubernetesClient client() {
    return cluster.client();
  }

  @Override
  public String url() {
    return cluster.plane().serverUrl();
  }

  @Override
  public void writeKubeconfig(Path file, String ns) {
    cluster.plane().writeKubeconfig(cluster.plane().adminToken(), ns, file);
  }

  @Override
  public Map<String, Long> runningPids() {
    return cluster.agent().runningPids();
  }

  @Override
  public void close() {
    cluster.close();
  }
}
