package us.anth.plexus.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import us.anth.plexus.operator.mirror.TaskRecordMirror;
import us.anth.plexus.operator.mirror.TaskRecordMirrors;
import us.anth.plexus.operator.runtime.AsyncPool;
import us.anth.plexus.operator.runtime.HttpEndpoints;
import us.anth.plexus.operator.runtime.InternedStrings;

/**
 * Runs the operator as a process: client from kubeconfig or the in-cluster service account (fabric8
 * auto-configuration), health probes, Prometheus metrics, optional leader election.
 */
public final class OperatorMain {
  private static final Logger LOG = LoggerFactory.getLogger(OperatorMain.class);

  /** A started operator with its HTTP endpoints; {@link #close()} stops both. */
  public record Running(PlexusOperator operator, HttpEndpoints health, HttpEndpoints metrics)
      implements AutoCloseable {
    @Override
    public void close() {
      operator.stop();
      health.close();
      metrics.close();
    }
  }

  private OperatorMain() {}

  /** Exits with status 2 and one log line when the configuration is invalid. */
  public static void main(String[] args) throws Exception {
    AsyncPool.configure();
    KubernetesClient client = InternedStrings.clientBuilder().build();
    Running running;
    try {
      running = start(System.getenv(), client);
    } catch (IllegalArgumentException e) {
      LOG.error("Cannot start the Plexus operator: {}", e.getMessage());
      System.exit(2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("Stopping the Plexus operator");
                  running.close();
                  client.close();
                  stopped.countDown();
                }));
    LOG.info("The Plexus operator is running; SIGTERM stops it");
    stopped.await();
  }

  /** Configures from {@code env}, opens the endpoints, then starts the operator on the client. */
  public static Running start(Map<String, String> env, KubernetesClient client) throws IOException {
    OperatorConfig config = OperatorConfig.fromEnv(env);
    PlexusOperator operator = PlexusOperator.create(client, config, mirrorFor(env));
    HttpEndpoints health = HttpEndpoints.health(config.healthPort(), operator::isReady);
    HttpEndpoints metrics = HttpEndpoints.metrics(config.metricsPort(), operator.metrics()::scrape);
    LOG.info(
        "Starting the Plexus operator on {} (namespaces: {}, leader election: {}, health :{},"
            + " metrics :{})",
        client.getMasterUrl(),
        config.watchesAllNamespaces() ? "all" : config.watchNamespaces(),
        config.leaderElection(),
        health.port(),
        metrics.port());
    operator.start();
    return new Running(operator, health, metrics);
  }

  /** The task record mirror PLEXUS_TASK_SINK and its settings ask for (none by default). */
  static TaskRecordMirror mirrorFor(Map<String, String> env) {
    return TaskRecordMirrors.fromEnv(env);
  }
}
