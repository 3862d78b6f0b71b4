package us.anth.plexus.controlplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import us.anth.plexus.operator.OperatorMain;

/**
 * The operator as its own process ({@link OperatorMain} in a child JVM, as in its Deployment), so a
 * test can SIGKILL it: kubeconfig with the chart's operator ServiceAccount token, {@code PLEXUS_*}
 * settings from the test, output appended to one log file across restarts.
 */
final class OperatorProcess implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Map<String, String> env;
  private final Path log;
  private final int healthPort;
  private Process process;

  private OperatorProcess(Map<String, String> env, Path log, int healthPort) {
    this.env = env;
    this.log = log;
    this.healthPort = healthPort;
  }

  /**
   * Starts an operator watching {@code namespace} with {@code settings} added (health port {@code
   * port}, metrics port {@code port + 1}); {@code identity} is its HOSTNAME (the Lease holder's
   * name under leader election, the pod name in Kubernetes).
   */
  static OperatorProcess start(
      RealCluster cluster,
      String namespace,
      String identity,
      int port,
      Map<String, String> settings)
      throws IOException {
    Path dir = Files.createDirectories(cluster.workDir.resolve("operators"));
    Path kubeconfig =
        cluster.plane.writeKubeconfig(
            cluster.tokenOf(ChartRbac.RELEASE_NAMESPACE, ChartRbac.OPERATOR_ACCOUNT),
            ChartRbac.RELEASE_NAMESPACE,
            dir.resolve(identity + ".kubeconfig"));
    Map<String, String> env = new java.util.HashMap<>(settings);
    env.put("KUBECONFIG", kubeconfig.toString());
    env.put("HOSTNAME", identity);
    env.put("PLEXUS_WATCH_NAMESPACES", namespace);
    env.put("PLEXUS_HEALTH_PORT", Integer.toString(port));
    env.put("PLEXUS_METRICS_PORT", Integer.toString(port + 1));
    OperatorProcess operator =
        new OperatorProcess(Map.copyOf(env), dir.resolve(identity + ".log"), port);
    operator.restart();
    return operator;
  }

  /** Starts the process (again, after a kill), appending to the same log. */
  void restart() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                OperatorMain.class.getName()));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder
        .environment()
        .keySet()
        .removeIf(k -> k.startsWith("PLEXUS_") || k.startsWith("KUBERNETES_"));
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    process = builder.start();
  }

  /** SIGKILL, as the OOM killer or a node loss would; waits until the process is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** SIGTERM, as Kubernetes stops a pod. */
  void terminate() {
    process.toHandle().destroy();
  }

  /** SIGSTOP / SIGCONT: the process freezes (no Lease renewal) and resumes. */
  void signal(String name) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code once the process ended within {@code timeout}. */
  Optional<Integer> awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
        ? Optional.of(process.exitValue())
        : Optional.empty();
  }

  /** An untagged counter or gauge of its Prometheus metrics; empty when not (yet) served. */
  Optional<Double> metric(String name) {
    return get(healthPort + 1, "/metrics")
        .map(
            body ->
                Pattern.compile("(?m)^" + Pattern.quote(name) + " ([0-9.eE+-]+)$").matcher(body))
        .filter(Matcher::find)
        .map(m -> Double.parseDouble(m.group(1)));
  }

  /** Whether {@code /readyz} answers 200: started, informers synced and healthy. */
  boolean isReady() {
    return get(healthPort, "/readyz").isPresent();
  }

  /** The body of a 200 answer, empty for anything else or no answer. */
  private static Optional<String> get(int port, String path) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .timeout(Duration.ofSeconds(3))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Everything the process wrote so far, across restarts. */
  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path logFile() {
    return log;
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      kill();
    }
  }
}
