package us.anth.plexus.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.operator.testing.TestPools;
import us.anth.plexus.operator.testing.TestTasks;

/**
 * kube-apiserver killed with SIGKILL while a task runs and restarted on the same etcd data: the
 * operator's, node agent's and controllers' watches reconnect, the running task finishes once (one
 * pod), and a task created after the restart runs too. The mock cannot lose its server. Differs
 * from the mock: while the restarted server fills its RBAC caches, re-lists get 403.
 */
class ApiServerRestartIT {

  @Test
  void apiServerKilledMidRunLosesNoTaskAndRunsNoneTwice() throws InterruptedException {
    RealCluster cluster = RealCluster.get();
    try (OperatorOnCluster on = OperatorOnCluster.start(cluster)) {
      String ns = on.namespace;
      on.createPool(TestPools.pool(ns + "-cpu", ns + "/*"));
      on.createTask(
          TestTasks.builder().name("through").target(ns + "/work").command("sleep 6").buildNew());
      on.awaitPhase("through", TaskPhase.Running);

      cluster.plane.killApiServer();
      Thread.sleep(2000);
      long restart = System.nanoTime();
      cluster.plane.restartApiServer();
      System.out.printf(
          "kube-apiserver restarted in %d ms%n", (System.nanoTime() - restart) / 1_000_000);
      // While it starts, before its RBAC caches are filled, a restarted kube-apiserver answers
      // the informers' re-lists with 403 for a moment; those are expected, later ones are not.
      Thread.sleep(2000);
      int deniedDuringRestart = on.denials.count();

      PlexusTaskStatus done = on.awaitPhase("through", TaskPhase.Succeeded);
      assertThat(done.getAttempts()).isEqualTo(1);
      assertThat(on.podsOf(on.jobOf("through"))).hasSize(1);

      on.createTask(
          TestTasks.builder().name("after").target(ns + "/work").command("true").buildNew());
      on.awaitPhase("after", TaskPhase.Succeeded);
      assertThat(on.denials.deniedSince(deniedDuringRestart)).isEmpty();
    }
  }
}
