package us.anth.plexus.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import us.anth.plexus.devkit.EmbeddedDynamo;
import us.anth.plexus.store.TaskRecordStore;

/**
 * The operator, a process of its own on the real control plane, is SIGKILLed at random points ten
 * times while 200 tasks flow (alternately while it starts up and while it reconciles, after
 * /readyz), and started again each time: every task ends with one Job and one pod (one attempt),
 * Succeeded in its status and COMPLETED in DynamoDB. Prints its counts.
 */
class OperatorKillFaultIT {
  private static final int TASKS = 200;
  private static final int KILLS = 10;
  private static final int PORT = 25010;

  @Test
  void operatorKilledTenTimesLosesAndDuplicatesNothing() throws Exception {
    RealCluster cluster = RealCluster.get();
    String ns = cluster.newNamespace();
    long seed = Long.getLong("plexus.fault.seed", System.nanoTime());
    Random random = new Random(seed);
    ExecutorService feeder = Executors.newSingleThreadExecutor();
    try (InstantNodes nodes = InstantNodes.start(cluster, "kill", 2);
        EmbeddedDynamo dynamo = EmbeddedDynamo.start();
        OperatorProcess operator =
            OperatorProcess.start(cluster, ns, "operator-kill", PORT, dynamo.settings().toEnv())) {
      TaskLedger ledger =
          new TaskLedger(
              cluster.admin(), new TaskRecordStore(dynamo.client(), dynamo.settings()), ns);
      cluster.admin().resource(nodes.pool(ns + "-pool", ns + "/*")).create();
      long started = System.nanoTime();
      Future<?> flow =
          feeder.submit(
              () -> {
                for (int i = 0; i < TASKS; i++) {
                  ledger.create("t-" + i, ns + "/work");
                  sleep(250);
                }
                return null;
              });

      List<String> kills = new ArrayList<>();
      for (int kill = 1; kill <= KILLS; kill++) {
        if (kill % 2 == 0) {
          // while it starts up: informers syncing, first reconciles
          Thread.sleep(500 + random.nextInt(4000));
        } else {
          // while it reconciles: a random moment after it is ready
          long readyBy = System.nanoTime() + Duration.ofSeconds(60).toNanos();
          while (!operator.isReady() && System.nanoTime() < readyBy) {
            Thread.sleep(200);
          }
          Thread.sleep(1000 + random.nextInt(5000));
        }
        operator.kill();
        kills.add(ledger.created() + "/" + ledger.jobs());
        operator.restart();
      }
      flow.get(5, TimeUnit.MINUTES);
      ledger.awaitFinished(Duration.ofMinutes(4));

      TaskLedger.Counts counts = ledger.count();
      System.out.printf(
          "OperatorKillFaultIT: %s kills=%d (tasks/jobs at each kill: %s) seed=%d seconds=%d%n",
          counts,
          kills.size(),
          String.join(" ", kills),
          seed,
          Duration.ofNanos(System.nanoTime() - started).toSeconds());
      assertThat(counts.tasks()).isEqualTo(TASKS);
      assertThat(counts.jobs()).isEqualTo(TASKS);
      assertThat(counts.pods()).isEqualTo(TASKS);
      assertThat(counts.tasksNotOneAttempt()).isZero();
      assertThat(counts.duplicates()).isZero();
      assertThat(counts.losses()).as("operator log: %s", operator.logFile()).isZero();
    } finally {
      feeder.shutdownNow();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
