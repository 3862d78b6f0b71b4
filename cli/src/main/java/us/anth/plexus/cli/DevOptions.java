package us.anth.plexus.cli;

import java.nio.file.Path;

/**
 * How {@code plexusctl dev} starts its stack: on which cluster, the in-process API's port (0: a
 * free one), where the kubeconfig and pod logs go, the runner's classpath (null: this JVM's), and
 * whether runners run verbose ({@code -v}: {@code PLEXUS_RUNNER_VERBOSE=true}).
 */
public record DevOptions(
    DevCluster cluster, int port, Path devDir, String runnerClasspath, boolean verbose) {

  /** The in-process API on a free port, this JVM's classpath, quiet runners. */
  public static DevOptions defaults(DevCluster cluster, Path devDir) {
    return new DevOptions(cluster, 0, devDir, null, false);
  }
}
