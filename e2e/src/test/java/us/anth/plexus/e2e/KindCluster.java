package us.anth.plexus.e2e;

import com.dajudge.kindcontainer.KindContainer;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.MountableFile;
import us.anth.plexus.devkit.cluster.ClusterCrds;

/** A kind cluster in Docker with the Plexus CRDs applied and the runner image loaded. */
final class KindCluster implements E2eCluster {
  private final KindContainer<?> kind;
  private final KubernetesClient client;

  private KindCluster(KindContainer<?> kind) {
    this.kind = kind;
    this.client =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(kind.getKubeconfig()))
            .build();
  }

  /** Starts kind, applies the CRDs and imports {@code runnerImage} into the node's containerd. */
  static KindCluster start(String runnerImage) throws Exception {
    KindContainer<?> kind = new KindContainer<>();
    kind.start();
    KindCluster cluster = new KindCluster(kind);
    ClusterCrds.install(cluster.client());
    cluster.loadImage(runnerImage);
    return cluster;
  }

  /** Why the E2E suite cannot run here, or null when it can. */
  static String unavailableReason(String runnerImage) {
    try {
      if (!DockerClientFactory.instance().isDockerAvailable()) {
        return "no Docker engine reachable: the kind E2E suite needs one (see docs/development/testing.md)";
      }
      DockerClientFactory.instance().client().pingCmd().exec();
    } catch (RuntimeException e) {
      return "no Docker engine reachable (" + e.getMessage() + ")";
    }
    try {
      DockerClientFactory.instance().client().inspectImageCmd(runnerImage).exec();
    } catch (RuntimeException e) {
      return "runner image "
          + runnerImage
          + " is not in the local Docker engine; build it first (runner-image/Dockerfile)";
    }
    return null;
  }

  @Override
  public KubernetesClient client() {
    return client;
  }

  @Override
  public String describe() {
    return "kind (" + kind.getContainerName() + ")";
  }

  private void loadImage(String image) throws Exception {
    Path tar = Files.createTempFile("plexus-image", ".tar");
    try (InputStream in = DockerClientFactory.instance().client().saveImageCmd(image).exec()) {
      Files.copy(in, tar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    kind.copyFileToContainer(MountableFile.forHostPath(tar), "/tmp/image.tar");
    var result = kind.execInContainer("ctr", "-n", "k8s.io", "images", "import", "/tmp/image.tar");
    if (result.getExitCode() != 0) {
      throw new IllegalStateException("ctr import failed: " + result.getStderr());
    }
    Files.deleteIfExists(tar);
  }

  @Override
  public void close() {
    client.close();
    kind.stop();
  }
}
