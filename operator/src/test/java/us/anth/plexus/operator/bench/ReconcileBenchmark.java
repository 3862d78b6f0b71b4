package us.anth.plexus.operator.bench;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import us.anth.plexus.api.PlexusLabels;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.devkit.EmbeddedKubeApi;
import us.anth.plexus.devkit.bench.BenchReport;
import us.anth.plexus.devkit.bench.Percentiles;
import us.anth.plexus.operator.runtime.AsyncPool;
import us.anth.plexus.operator.testing.TestPools;
import us.anth.plexus.operator.testing.TestTasks;

/**
 * {@code bin/bench reconcile [--n N] [--reps R]} (a main class, not a test): creates N PlexusTasks
 * one at a time in one pool without a limit and times until the operator has created all N Jobs;
 * then creates the same N Jobs directly with the client, one at a time, on a fresh API server.
 * Requests are counted at the operator's client from the first task until the operator is quiet.
 */
public final class ReconcileBenchmark {
  private ReconcileBenchmark() {}

  public static void main(String[] args) throws Exception {
    AsyncPool.configure();
    BenchReport.main("reconcile", args, 200, (options, report) -> report.print(run(options.n())));
  }

  private static Map<String, Object> run(int n) throws Exception {
    List<Job> jobs;
    Map<String, Object> fields = BenchReport.fields();
    try (OperatorUnderTest op = new OperatorUnderTest()) {
      String ns = op.newNamespace();
      op.client()
          .resources(us.anth.plexus.api.PlexusWorkerPool.class)
          .resource(TestPools.pool(ns + "-pool", ns + "/*"))
          .create();
      Map<String, Long> created = new ConcurrentHashMap<>();
      Map<String, Long> jobSeen = new ConcurrentHashMap<>();
      SharedIndexInformer<Job> informer =
          op.client().batch().v1().jobs().inNamespace(ns).inform(recordTo(jobSeen));
      op.counter.awaitQuiet(500, 5_000);
      op.counter.reset();

      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        String name = "task-" + i;
        created.put(name, System.nanoTime());
        op.client()
            .resources(PlexusTask.class)
            .resource(TestTasks.builder().namespace(ns).name(name).target(ns + "/eval").buildNew())
            .create();
      }
      long deadline = System.nanoTime() + 600_000_000_000L;
      while (jobSeen.size() < n && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      if (jobSeen.size() < n) {
        throw new IllegalStateException("only " + jobSeen.size() + " of " + n + " Jobs in 10 min");
      }
      long operatorNanos =
          jobSeen.values().stream().mapToLong(Long::longValue).max().orElseThrow() - start;
      informer.close();
      op.counter.awaitQuiet(2_000, 60_000);
      List<Long> latencies = new ArrayList<>();
      jobSeen.forEach((task, seen) -> latencies.add((seen - created.get(task)) / 1_000_000));
      jobs = op.client().batch().v1().jobs().inNamespace(ns).list().getItems();

      long directNanos = createDirectly(jobs);
      fields.put("n", n);
      fields.put("operator_ms", operatorNanos / 1_000_000);
      fields.put("direct_ms", directNanos / 1_000_000);
      fields.put("ratio", (double) operatorNanos / directNanos);
      fields.put("p50_ms", Percentiles.of(latencies, 50));
      fields.put("p99_ms", Percentiles.of(latencies, 99));
      fields.put("writes_per_task", (double) op.counter.writes() / n);
      fields.put("reads_per_task", (double) op.counter.reads() / n);
      System.err.println(
          "reconcile: operator requests by verb and resource (Events are not counted as writes): "
              + op.counter.snapshot());
    }
    return fields;
  }

  /**
   * Creates copies of {@code jobs} one at a time on a fresh API server; returns the nanoseconds.
   */
  private static long createDirectly(List<Job> jobs) {
    try (EmbeddedKubeApi fresh = EmbeddedKubeApi.start()) {
      KubernetesClient client = fresh.client();
      List<Job> copies = jobs.stream().map(ReconcileBenchmark::asNew).toList();
      long start = System.nanoTime();
      for (Job job : copies) {
        client.batch().v1().jobs().resource(job).create();
      }
      return System.nanoTime() - start;
    }
  }

  private static Job asNew(Job job) {
    ObjectMeta meta = job.getMetadata();
    Job copy = new Job();
    copy.setMetadata(
        new ObjectMetaBuilder()
            .withName(meta.getName())
            .withNamespace(meta.getNamespace())
            .withLabels(meta.getLabels())
            .withAnnotations(meta.getAnnotations())
            .withOwnerReferences(meta.getOwnerReferences())
            .build());
    copy.setSpec(job.getSpec());
    return copy;
  }

  private static ResourceEventHandler<Job> recordTo(Map<String, Long> seen) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(Job job) {
        String task = job.getMetadata().getLabels().get(PlexusLabels.TASK_NAME);
        seen.putIfAbsent(task, System.nanoTime());
      }

      @Override
      public void onUpdate(Job oldJob, Job newJob) {}

      @Override
      public void onDelete(Job job, boolean deletedFinalStateUnknown) {}
    };
  }
}
