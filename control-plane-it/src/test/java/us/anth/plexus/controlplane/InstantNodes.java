package us.anth.plexus.controlplane;

import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.devkit.executor.ExecutorOptions;
import us.anth.plexus.devkit.node.NodeAgent;
import us.anth.plexus.devkit.node.NodeSpec;
import us.anth.plexus.operator.testing.TestPools;

/**
 * Extra nodes on the shared control plane whose pods run {@link InstantContainer} instead of the
 * runner (a one-class classpath: a cheap JVM each), for suites that push hundreds of tasks through
 * the real Job controller and scheduler. Only pools made by {@link #pool} reach them (label and
 * NoSchedule taint {@link #LABEL}); other suites' pods never land there.
 */
final class InstantNodes implements AutoCloseable {
  static final String LABEL = "plexus.anth.us/instant-node";

  private final RealCluster cluster;
  private final NodeAgent agent;
  private final String group;
  private final List<NodeSpec> nodes;

  private InstantNodes(RealCluster cluster, NodeAgent agent, String group, List<NodeSpec> nodes) {
    this.cluster = cluster;
    this.agent = agent;
    this.group = group;
    this.nodes = nodes;
  }

  /** {@code count} nodes named {@code <group>-N} (110 pods each), labelled {@code LABEL=group}. */
  static InstantNodes start(RealCluster cluster, String group, int count) {
    List<NodeSpec> nodes =
        java.util.stream.IntStream.rangeClosed(1, count)
            .mapToObj(
                i ->
                    new NodeSpec(
                        group + "-" + i,
                        Map.of(LABEL, group, NodeSpec.ZONE_LABEL, NodeSpec.ZONE),
                        List.of(
                            new TaintBuilder()
                                .withKey(LABEL)
                                .withValue(group)
                                .withEffect("NoSchedule")
                                .build()),
                        Map.of()))
            .toList();
    try {
      Path workDir = Files.createTempDirectory("instant-nodes-");
      ExecutorOptions options =
          ExecutorOptions.defaults(null)
              .withClasspath(ownClassesDirectory())
              .withMainClass(InstantContainer.class.getName())
              .withLogDir(workDir.resolve("logs"));
      NodeAgent agent =
          new NodeAgent(cluster.admin(), cluster.plane.serverUrl(), nodes, options, workDir)
              .start();
      return new InstantNodes(cluster, agent, group, nodes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A pool serving {@code patterns} whose pods land on these nodes only. */
  PlexusWorkerPool pool(String name, String... patterns) {
    PlexusWorkerPool pool = TestPools.pool(name, patterns);
    pool.getSpec().setNodeSelector(Map.of(LABEL, group));
    pool.getSpec()
        .setTolerations(
            List.of(
                new TolerationBuilder()
                    .withKey(LABEL)
                    .withOperator("Equal")
                    .withValue(group)
                    .withEffect("NoSchedule")
                    .build()));
    return pool;
  }

  private static String ownClassesDirectory() {
    try {
      return Path.of(
              InstantContainer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stops the agent and removes its nodes, so no later pod is bound to a node nobody runs. */
  @Override
  public void close() {
    agent.close();
    nodes.forEach(node -> cluster.admin().nodes().withName(node.name()).delete());
  }
}
