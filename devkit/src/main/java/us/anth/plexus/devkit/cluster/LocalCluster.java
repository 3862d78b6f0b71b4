package us.anth.plexus.devkit.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import us.anth.plexus.devkit.executor.ExecutorOptions;
import us.anth.plexus.devkit.node.NodeAgent;
import us.anth.plexus.devkit.node.NodeSpec;

/**
 * A real control plane with the Plexus CRDs Established and a node agent running bound pods as
 * local runner processes: the cluster of the control-plane tests, of the shared end-to-end scenario
 * and of {@code plexusctl dev --cluster local}.
 */
public final class LocalCluster implements AutoCloseable {
  /** {@code cpu-1} and {@code gpu-1} (label, taint and one {@code nvidia.com/gpu}). */
  public static final List<NodeSpec> DEFAULT_NODES = NodeSpec.parse("cpu-1,gpu-1");

  private final LocalControlPlane plane;
  private final NodeAgent agent;
  private final Duration planeStart;
  private final Duration readyStart;

  private LocalCluster(
      LocalControlPlane plane, NodeAgent agent, Duration planeStart, Duration readyStart) {
    this.plane = plane;
    this.agent = agent;
    this.planeStart = planeStart;
    this.readyStart = readyStart;
  }

  /**
   * Starts the control plane from {@code binary}, installs the CRDs and starts a node agent for
   * {@code nodes} whose runner processes use {@code options}; work files go under {@code workDir}.
   */
  public static LocalCluster start(
      Path binary, List<NodeSpec> nodes, ExecutorOptions options, Path workDir) {
    long started = System.nanoTime();
    LocalControlPlane plane = LocalControlPlane.start(binary);
    Duration planeStart = since(started);
    try {
      ClusterCrds.install(plane.client());
      NodeAgent agent =
          new NodeAgent(plane.client(), plane.serverUrl(), nodes, options, workDir).start();
      return new LocalCluster(plane, agent, planeStart, since(started));
    } catch (RuntimeException e) {
      plane.close();
      throw e;
    }
  }

  public LocalControlPlane plane() {
    return plane;
  }

  public NodeAgent agent() {
    return agent;
  }

  /** The admin client of the control plane. */
  public KubernetesClient client() {
    return plane.client();
  }

  /** From the start until kube-apiserver was ready with controllers and scheduler running. */
  public Duration planeStart() {
    return planeStart;
  }

  /** From the start until the CRDs were Established and the nodes registered. */
  public Duration readyStart() {
    return readyStart;
  }

  private static Duration since(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos);
  }

  /** Stops the node agent (and its processes), then the control plane. */
  @Override
  public void close() {
    agent.close();
    plane.close();
  }
}
