package us.anth.plexus.devkit.executor;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the {@link LocalJobExecutor}: the classpath and main class the runner is started
 * with, the kubeconfig the runner reads (pointing at the dev API), the node name pods report, an
 * optional directory for pod log files and the delay before a failed attempt is retried.
 */
public record ExecutorOptions(
    String classpath,
    String mainClass,
    Path kubeconfig,
    String nodeName,
    Path logDir,
    Duration retryDelay) {
  public static final String DEFAULT_NODE_NAME = "local-executor";
  public static final String RUNNER_MAIN = "us.anth.plexus.runner.RunnerMain";

  /** Defaults: this JVM's classpath, node {@code local-executor}, no log files, 1 s retries. */
  public static ExecutorOptions defaults(Path kubeconfig) {
    return new ExecutorOptions(
        System.getProperty("java.class.path"),
        RUNNER_MAIN,
        kubeconfig,
        DEFAULT_NODE_NAME,
        null,
        Duration.ofSeconds(1));
  }

  public ExecutorOptions withClasspath(String newClasspath) {
    return new ExecutorOptions(newClasspath, mainClass, kubeconfig, nodeName, logDir, retryDelay);
  }

  public ExecutorOptions withLogDir(Path newLogDir) {
    return new ExecutorOptions(classpath, mainClass, kubeconfig, nodeName, newLogDir, retryDelay);
  }

  /** Runs {@code newMainClass} instead of the runner (tests use a fake runner). */
  public ExecutorOptions withMainClass(String newMainClass) {
    return new ExecutorOptions(classpath, newMainClass, kubeconfig, nodeName, logDir, retryDelay);
  }
}
