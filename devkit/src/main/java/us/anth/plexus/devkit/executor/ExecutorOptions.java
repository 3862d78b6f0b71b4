package us.anth.plexus.devkit.executor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of the {@link LocalJobExecutor}: the classpath and main class the runner is started
 * with, the kubeconfig the runner reads (pointing at the dev API), the node name pods report, an
 * optional directory for pod log files, the delay before a failed attempt is retried, and the
 * environment every runner process gets beneath its container's own ({@code plexusctl dev -v} sets
 * {@code PLEXUS_RUNNER_VERBOSE} there).
 */
public record ExecutorOptions(
    String classpath,
    String mainClass,
    Path kubeconfig,
    String nodeName,
    Path logDir,
    Duration retryDelay,
    Map<String, String> env) {
  public static final String DEFAULT_NODE_NAME = "local-executor";
  public static final String RUNNER_MAIN = "us.anth.plexus.runner.RunnerMain";

  public ExecutorOptions {
    env = Map.copyOf(env);
  }

  /**
   * Defaults: this JVM's classpath, node {@code local-executor}, no log files, 1 s retries, no
   * extra environment.
   */
  public static ExecutorOptions defaults(Path kubeconfig) {
    return new ExecutorOptions(
        System.getProperty("java.class.path"),
        RUNNER_MAIN,
        kubeconfig,
        DEFAULT_NODE_NAME,
        null,
        Duration.ofSeconds(1),
        Map.of());
  }

  public ExecutorOptions withClasspath(String newClasspath) {
    return new ExecutorOptions(
        newClasspath, mainClass, kubeconfig, nodeName, logDir, retryDelay, env);
  }

  public ExecutorOptions withLogDir(Path newLogDir) {
    return new ExecutorOptions(
        classpath, mainClass, kubeconfig, nodeName, newLogDir, retryDelay, env);
  }

  /** Runs {@code newMainClass} instead of the runner (tests use a fake runner). */
  public ExecutorOptions withMainClass(String newMainClass) {
    return new ExecutorOptions(
        classpath, newMainClass, kubeconfig, nodeName, logDir, retryDelay, env);
  }

  /** Every runner process also gets {@code newEnv} (its container's env wins on a clash). */
  public ExecutorOptions withEnv(Map<String, String> newEnv) {
    return new ExecutorOptions(
        classpath, mainClass, kubeconfig, nodeName, logDir, retryDelay, newEnv);
  }

  /** The same settings for one pod with its own kubeconfig on node {@code podNode}. */
  public ExecutorOptions forPod(Path podKubeconfig, String podNode) {
    return new ExecutorOptions(
        classpath, mainClass, podKubeconfig, podNode, logDir, retryDelay, env);
  }
}
