package us.anth.plexus.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import us.anth.plexus.devkit.EmbeddedDynamo;
import us.anth.plexus.store.TaskRecordStore;
import us.anth.plexus.store.TaskStoreSettings;

/**
 * 200 tasks flow through the operator process on the real control plane while its DynamoDB answers
 * 20% of requests with {@code ProvisionedThroughputExceededException} throughout and is down
 * (connections refused) for 30 s mid-run: after recovery every task is Succeeded in its status and
 * COMPLETED in DynamoDB, with one Job and one pod each. Prints its counts.
 */
class DynamoFaultIT {
  private static final int TASKS = 200;
  private static final int PROXY_PORT = 25030;
  private static final double THROTTLE_SHARE = 0.2;
  private static final Duration OUTAGE = Duration.ofSeconds(30);

  @Test
  void throttlingAndAThirtySecondOutageLoseNoFinalState() throws Exception {
    RealCluster cluster = RealCluster.get();
    String ns = cluster.newNamespace();
    ExecutorService feeder = Executors.newSingleThreadExecutor();
    try (InstantNodes nodes = InstantNodes.start(cluster, "dynamo", 2);
        EmbeddedDynamo dynamo = EmbeddedDynamo.start();
        DynamoFaultProxy proxy =
            DynamoFaultProxy.start(PROXY_PORT, dynamo.endpoint(), THROTTLE_SHARE)) {
      TaskStoreSettings throughProxy = dynamo.settings().withEndpoint(proxy.endpoint());
      Map<String, String> settings = new HashMap<>(throughProxy.toEnv());
      TaskLedger ledger =
          new TaskLedger(
              cluster.admin(), new TaskRecordStore(dynamo.client(), dynamo.settings()), ns);
      for (int i = 0; i < TASKS; i++) {
        ledger.createRecord("t-" + i, ns + "/work");
      }
      cluster.admin().resource(nodes.pool(ns + "-pool", ns + "/*")).create();
      try (OperatorProcess operator =
          OperatorProcess.start(cluster, ns, "operator-dynamo", 25032, settings)) {
        long started = System.nanoTime();
        Future<?> flow =
            feeder.submit(
                () -> {
                  for (int i = 0; i < TASKS; i++) {
                    ledger.createTask("t-" + i, ns + "/work");
                    Thread.sleep(250);
                  }
                  return null;
                });
        Thread.sleep(15_000);
        int jobsAtOutage = ledger.jobs();
        proxy.stop();
        dynamo.stop();
        Thread.sleep(OUTAGE.toMillis());
        dynamo.restart();
        proxy.restart();
        int jobsAtRecovery = ledger.jobs();
        int pendingAtRecovery = ledger.succeededNotRecorded();
        flow.get(5, TimeUnit.MINUTES);
        ledger.awaitFinished(Duration.ofMinutes(4));

        TaskLedger.Counts counts = ledger.count();
        System.out.printf(
            "DynamoFaultIT: %s throttled=%d forwarded=%d outageSeconds=%d jobsAtOutage=%d"
                + " jobsAtRecovery=%d succeededButNotRecordedAtRecovery=%d seconds=%d%n",
            counts,
            proxy.throttled.get(),
            proxy.forwarded.get(),
            OUTAGE.toSeconds(),
            jobsAtOutage,
            jobsAtRecovery,
            pendingAtRecovery,
            Duration.ofNanos(System.nanoTime() - started).toSeconds());
        assertThat(proxy.throttled.get()).isPositive();
        assertThat(pendingAtRecovery).as("tasks that ended during the outage").isPositive();
        assertThat(counts.jobs()).isEqualTo(TASKS);
        assertThat(counts.duplicates()).isZero();
        assertThat(counts.losses()).as("operator log: %s", operator.logFile()).isZero();
      }
    } finally {
      feeder.shutdownNow();
    }
  }
}
