package us.anth.plexus.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import us.anth.plexus.devkit.EmbeddedDynamo;
import us.anth.plexus.operator.PlexusOperator;
import us.anth.plexus.operator.runtime.LeadershipLoss;
import us.anth.plexus.store.TaskRecordStore;

/**
 * Two operator processes with leader election on the real control plane (the chart's Lease Role):
 * only the Lease holder reconciles (the follower creates no Job and runs no reconcile); the leader
 * SIGKILLed, the follower takes the Lease within the lease duration and finishes every task with no
 * duplicate; a leader frozen (SIGSTOP) past its lease loses it and, resumed, exits with status 1
 * instead of reconciling next to the new leader; SIGTERM stops a leader promptly. Prints its
 * counts.
 */
class LeaderElectionFaultIT {
  private static final String JOBS = "plexus_operator_job_creations_total";
  private static final String RECONCILES = "plexus_operator_reconciles_total";
  private static final int BATCH = 30;

  @Test
  void onlyTheLeaderReconcilesAndAKilledLeaderIsReplacedWithinTheLease() throws Exception {
    RealCluster cluster = RealCluster.get();
    String ns = cluster.newNamespace();
    cluster
        .admin()
        .leases()
        .inNamespace(ChartRbac.RELEASE_NAMESPACE)
        .withName(ChartRbac.LEADER_LEASE)
        .delete();
    long started = System.nanoTime();
    try (InstantNodes nodes = InstantNodes.start(cluster, "leader", 1);
        EmbeddedDynamo dynamo = EmbeddedDynamo.start()) {
      Map<String, String> settings = new HashMap<>(dynamo.settings().toEnv());
      settings.put("PLEXUS_LEADER_ELECTION", "true");
      settings.put("PLEXUS_LEADER_ELECTION_NAMESPACE", ChartRbac.RELEASE_NAMESPACE);
      try (OperatorProcess a = OperatorProcess.start(cluster, ns, "operator-a", 25020, settings);
          OperatorProcess b = OperatorProcess.start(cluster, ns, "operator-b", 25022, settings)) {
        TaskLedger ledger =
            new TaskLedger(
                cluster.admin(), new TaskRecordStore(dynamo.client(), dynamo.settings()), ns);
        cluster.admin().resource(nodes.pool(ns + "-pool", ns + "/*")).create();
        String first = OperatorOnCluster.eventually().until(() -> holder(cluster), h -> h != null);
        OperatorProcess leader = first.equals("operator-a") ? a : b;
        OperatorProcess follower = leader == a ? b : a;

        createBatch(ledger, ns, 0);
        awaitFinished(ledger);
        double followerReconciles = follower.metric(RECONCILES).orElseThrow();
        double followerJobs = follower.metric(JOBS).orElseThrow();
        double leaderJobs = leader.metric(JOBS).orElseThrow();
        assertThat(followerReconciles).as("the follower reconciled").isZero();
        assertThat(followerJobs).isZero();
        assertThat(leaderJobs).isEqualTo(BATCH);

        long killed = System.nanoTime();
        leader.kill();
        createBatch(ledger, ns, BATCH);
        String second =
            OperatorOnCluster.eventually()
                .until(() -> holder(cluster), h -> h != null && !h.equals(first));
        Duration handover = Duration.ofNanos(System.nanoTime() - killed);
        awaitFinished(ledger);
        double newLeaderJobs = follower.metric(JOBS).orElseThrow();

        // The killed one comes back as a follower; the leader then freezes past its lease.
        leader.restart();
        Thread.sleep(5000);
        follower.signal("STOP");
        String third =
            OperatorOnCluster.eventually()
                .atMost(Duration.ofSeconds(60))
                .until(() -> holder(cluster), h -> h != null && !h.equals(second));
        follower.signal("CONT");
        Optional<Integer> resumedExit = follower.awaitExit(Duration.ofSeconds(30));
        createBatch(ledger, ns, 2 * BATCH);
        awaitFinished(ledger);

        leader.terminate();
        long terminated = System.nanoTime();
        Optional<Integer> termExit = leader.awaitExit(Duration.ofSeconds(30));
        Duration stopTime = Duration.ofNanos(System.nanoTime() - terminated);

        TaskLedger.Counts counts = ledger.count();
        System.out.printf(
            "LeaderElectionFaultIT: %s leaders=%s>%s>%s followerReconciles=%.0f"
                + " jobsByLeader=%.0f jobsByNewLeader=%.0f handoverMillis=%d leaseSeconds=%d"
                + " frozenLeaderExit=%s sigtermExit=%s sigtermMillis=%d seconds=%d%n",
            counts,
            first,
            second,
            third,
            followerReconciles,
            leaderJobs,
            newLeaderJobs,
            handover.toMillis(),
            PlexusOperator.LEASE_DURATION.toSeconds(),
            resumedExit.map(String::valueOf).orElse("still running"),
            termExit.map(String::valueOf).orElse("still running"),
            stopTime.toMillis(),
            Duration.ofNanos(System.nanoTime() - started).toSeconds());
        assertThat(handover)
            .isLessThanOrEqualTo(
                PlexusOperator.LEASE_DURATION
                    .plus(PlexusOperator.RETRY_PERIOD)
                    .plus(Duration.ofSeconds(3)));
        assertThat(newLeaderJobs).isEqualTo(BATCH);
        assertThat(third).isEqualTo(first);
        assertThat(resumedExit).contains(LeadershipLoss.EXIT_STATUS);
        assertThat(follower.log()).contains("Lost the leader Lease");
        assertThat(termExit).as("a leader stops on SIGTERM").isPresent();
        assertThat(counts.tasks()).isEqualTo(3 * BATCH);
        assertThat(counts.jobs()).isEqualTo(3 * BATCH);
        assertThat(counts.duplicates()).isZero();
        assertThat(counts.losses()).isZero();
      }
    }
  }

  private static String holder(RealCluster cluster) {
    Lease lease =
        cluster
            .admin()
            .leases()
            .inNamespace(ChartRbac.RELEASE_NAMESPACE)
            .withName(ChartRbac.LEADER_LEASE)
            .get();
    return lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
  }

  private static void createBatch(TaskLedger ledger, String ns, int from) {
    for (int i = from; i < from + BATCH; i++) {
      ledger.create("t-" + i, ns + "/work");
    }
  }

  private static void awaitFinished(TaskLedger ledger) {
    OperatorOnCluster.eventually()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> ledger.unfinished() == 0);
  }
}
