package us.anth.plexus.operator.bench;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import us.anth.plexus.api.PlexusLabels;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.devkit.bench.BenchReport;
import us.anth.plexus.devkit.bench.Percentiles;
import us.anth.plexus.operator.runtime.AsyncPool;
import us.anth.plexus.operator.testing.TestPools;
import us.anth.plexus.operator.testing.TestTasks;

/**
 * {@code bin/bench reconcile [--n N] [--api embedded|local] [--reps R]} (a main class, not a test):
 * creates N PlexusTasks one at a time in one pool without a limit and times until the operator has
 * created all N Jobs; then creates the same N Jobs directly with the client, one at a time, on a
 * fresh API server (embedded) or in a fresh namespace of the same control plane (local). Requests
 * are counted at the operator's client from the first task until the operator is quiet.
 */
public final class ReconcileBenchmark {
  /** Pod template labels the API server adds to a Job. */
  private static final List<String> SERVER_POD_LABELS =
      List.of(
          "controller-uid",
          "batch.kubernetes.io/controller-uid",
          "job-name",
          "batch.kubernetes.io/job-name");

  private ReconcileBenchmark() {}

  public static void main(String[] args) throws Exception {
    AsyncPool.configure();
    BenchReport.main(
        "reconcile",
        args,
        200,
        true,
        (options, report) -> report.print(run(options.n(), options.api())));
  }

  private static Map<String, Object> run(int n, String api) throws Exception {
    List<Job> jobs;
    Map<String, Object> fields = BenchReport.fields();
    try (OperatorUnderTest op = new OperatorUnderTest(api)) {
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
      long createNanos = System.nanoTime() - start;
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

      long directNanos = createDirectly(jobs, api);
      fields.put("api", api);
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
              + op.counter.snapshot()
              + "; Events dropped: "
              + op.eventsDropped()
              + "; the benchmark's own "
              + n
              + " task creates took "
              + createNanos / 1_000_000
              + " ms of the operator's time");
    }
    return fields;
  }

  /**
   * Creates copies of {@code jobs} one at a time on a fresh API server (embedded) or in a fresh
   * namespace of the same control plane (local); returns the nanoseconds.
   */
  private static long createDirectly(List<Job> jobs, String api) {
    try (BenchApi fresh = BenchApi.start(api)) {
      KubernetesClient client = fresh.client();
      String ns = fresh.newNamespace();
      List<Job> copies = jobs.stream().map(job -> asNew(job, ns)).toList();
      long start = System.nanoTime();
      for (Job job : copies) {
        client.batch().v1().jobs().resource(job).create();
      }
      return System.nanoTime() - start;
    }
  }

  /**
   * The Job as the operator asked for it, in {@code namespace}: without what the server added (the
   * selector and the controller-uid and job-name labels, which a real server refuses on create) and
   * without the owner reference to a task that is not in that namespace.
   */
  private static Job asNew(Job job, String namespace) {
    ObjectMeta meta = job.getMetadata();
    Job copy = new Job();
    copy.setMetadata(
        new ObjectMetaBuilder()
            .withName(meta.getName())
            .withNamespace(namespace)
            .withLabels(meta.getLabels())
            .withAnnotations(meta.getAnnotations())
            .build());
    copy.setSpec(job.getSpec());
    copy.getSpec().setSelector(null);
    Map<String, String> podLabels =
        new HashMap<>(job.getSpec().getTemplate().getMetadata().getLabels());
    SERVER_POD_LABELS.forEach(podLabels::remove);
    copy.getSpec().getTemplate().getMetadata().setLabels(podLabels);
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
