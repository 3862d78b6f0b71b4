package us.anth.plexus.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import us.anth.plexus.operator.mirror.TaskRecordMirror;
import us.anth.plexus.operator.runtime.HttpEndpoints;

/**
 * Runs the operator as a process: client from kubeconfig or the in-cluster service account (fabric8
 * auto-configuration), health probes, Prometheus metrics, optional leader election.
 */
public final class OperatorMain {
  private static final Logger LOG = LoggerFactory.getLogger(OperatorMain.class);

  private OperatorMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    OperatorConfig config = OperatorConfig.fromEnv(env);
    KubernetesClient client = new KubernetesClientBuilder().build();
    PlexusOperator operator = PlexusOperator.create(client, config, mirrorFor(env));
    HttpEndpoints health = HttpEndpoints.health(config.healthPort(), operator::isReady);
    HttpEndpoints metrics = HttpEndpoints.metrics(config.metricsPort(), operator.metrics()::scrape);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("Stopping the Plexus operator");
                  operator.stop();
                  health.close();
                  metrics.close();
                  client.close();
                  stopped.countDown();
                }));
    LOG.info(
        "Starting the Plexus operator on {} (namespaces: {}, leader election: {})",
        client.getMasterUrl(),
        config.watchesAllNamespaces() ? "all" : config.watchNamespaces(),
        config.leaderElection());
    operator.start();
    stopped.await();
  }

  /** The task record mirror for this environment (DynamoDB support plugs in here). */
  static TaskRecordMirror mirrorFor(Map<String, String> env) {
    return TaskRecordMirror.DISABLED;
  }
}
