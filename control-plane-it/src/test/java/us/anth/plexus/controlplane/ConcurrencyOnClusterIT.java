package us.anth.plexus.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static us.anth.plexus.controlplane.OperatorOnCluster.eventually;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusLabels;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.operator.model.JobStates;
import us.anth.plexus.operator.testing.TestPools;
import us.anth.plexus.operator.testing.TestTasks;

/**
 * A pool's concurrency limit on the real Job controller: Jobs beyond the limit are created with
 * {@code suspend: true} (the controller creates no pod for them) and released one by one as running
 * ones finish. A watch on the Jobs records every state the API server announced. The mock-based
 * {@code ConcurrencyLimitIT} keeps covering the queue order and an operator restart.
 */
class ConcurrencyOnClusterIT {
  private static final int LIMIT = 2;
  private static final List<String> TASKS = List.of("c-1", "c-2", "c-3", "c-4", "c-5");

  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final AtomicInteger mostActive = new AtomicInteger();
  private final AtomicInteger mostQueued = new AtomicInteger();
  private final Set<String> everQueued = ConcurrentHashMap.newKeySet();
  private final Map<String, Pod> pods = new ConcurrentHashMap<>();
  private final AtomicInteger mostPodsUnfinished = new AtomicInteger();

  @Test
  void limitOfTwoNeverUnsuspendsMoreThanTwoJobsAndAllFiveFinish() {
    try (OperatorOnCluster on = OperatorOnCluster.start(RealCluster.get());
        SharedIndexInformer<Job> jobWatch =
            on.admin()
                .batch()
                .v1()
                .jobs()
                .inNamespace(on.namespace)
                .withLabel(PlexusLabels.POOL, on.namespace + "-limited")
                .inform(recording(jobs, this::record));
        SharedIndexInformer<Pod> podWatch =
            on.admin().pods().inNamespace(on.namespace).inform(recording(pods, this::record))) {
      String ns = on.namespace;
      PlexusWorkerPool pool = TestPools.pool(ns + "-limited", ns + "/*");
      on.createPool(TestPools.withLimit(pool, LIMIT));
      for (String name : TASKS) {
        PlexusTask task =
            TestTasks.builder().name(name).target(ns + "/eval").command("sleep 3").buildNew();
        on.createTask(task);
      }

      for (String name : TASKS) {
        eventually()
            .atMost(Duration.ofSeconds(180))
            .until(() -> on.status(name).getPhase(), p -> p == TaskPhase.Succeeded);
      }
      assertThat(mostActive.get()).as("unsuspended unfinished Jobs at once").isEqualTo(LIMIT);
      assertThat(mostQueued.get()).as("suspended Jobs at once").isEqualTo(TASKS.size() - LIMIT);
      assertThat(everQueued).hasSize(TASKS.size() - LIMIT);
      assertThat(mostPodsUnfinished.get()).as("pods not yet terminal at once").isEqualTo(LIMIT);
      for (String name : TASKS) {
        Job job = on.jobOf(name);
        assertThat(job.getSpec().getSuspend()).as(name).isFalse();
        assertThat(job.getStatus().getSucceeded()).as(name).isEqualTo(1);
        assertThat(on.podsOf(job)).as(name).hasSize(1);
      }
      eventually()
          .until(
              () ->
                  on.admin()
                      .resources(PlexusWorkerPool.class)
                      .withName(pool.getMetadata().getName())
                      .get()
                      .getStatus(),
              s -> s != null && s.getActiveTasks() == 0 && s.getQueuedTasks() == 0);
      on.assertNothingDenied();
    }
  }

  /**
   * Hands every added or changed object to {@code record} and forgets a deleted one from {@code
   * latest}: the Job watch keeps the most active and queued Jobs ever seen, the pod watch the most
   * pods not yet terminal.
   */
  private static <T extends HasMetadata> ResourceEventHandler<T> recording(
      Map<String, T> latest, Consumer<T> record) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T object) {
        record.accept(object);
      }

      @Override
      public void onUpdate(T old, T object) {
        record.accept(object);
      }

      @Override
      public void onDelete(T object, boolean unknownFinalState) {
        latest.remove(object.getMetadata().getName());
      }
    };
  }

  private synchronized void record(Pod pod) {
    pods.put(pod.getMetadata().getName(), pod);
    long unfinished =
        pods.values().stream()
            .map(p -> p.getStatus() == null ? null : p.getStatus().getPhase())
            .filter(phase -> !"Succeeded".equals(phase) && !"Failed".equals(phase))
            .count();
    mostPodsUnfinished.accumulateAndGet((int) unfinished, Math::max);
  }

  private synchronized void record(Job job) {
    jobs.put(job.getMetadata().getName(), job);
    if (JobStates.isQueued(job)) {
      everQueued.add(job.getMetadata().getName());
    }
    mostActive.accumulateAndGet(
        (int) jobs.values().stream().filter(JobStates::isActive).count(), Math::max);
    mostQueued.accumulateAndGet(
        (int) jobs.values().stream().filter(JobStates::isQueued).count(), Math::max);
  }
}
