package us.anth.plexus.operator.bench;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.devkit.bench.BenchReport;
import us.anth.plexus.operator.model.JobStates;
import us.anth.plexus.operator.runtime.AsyncPool;
import us.anth.plexus.operator.testing.JobControllerSimulator;
import us.anth.plexus.operator.testing.TestPools;
import us.anth.plexus.operator.testing.TestTasks;

/**
 * {@code bin/bench queue [--n N] [--api embedded|local] [--reps R]} (a main class, not a test): N
 * tasks into a pool with {@code concurrencyLimit: 10}. {@code fill_ms}: until all N Jobs exist (10
 * running, the rest queued); {@code drain_ms}: playing the Job controller, completing every running
 * Job as soon as it is seen, until all N are complete; {@code lists}: LIST requests of the operator
 * over both; {@code drain_reconciles_per_task}: task reconciles during the drain per task (constant
 * when a freed slot wakes only the tasks that can take it, growing with N when it wakes the whole
 * queue); {@code ratio_to_unlimited}: fill time over the fill time of the same N in a pool without
 * a limit, same run.
 */
public final class QueueBenchmark {
  private static final int LIMIT = 10;
  private static final long TEN_MINUTES = 600_000_000_000L;

  private QueueBenchmark() {}

  public static void main(String[] args) throws Exception {
    AsyncPool.configure();
    BenchReport.main(
        "queue",
        args,
        1000,
        true,
        (options, report) -> {
          long unlimitedFill = fill(options.n(), null, null, options.api());
          Map<String, Object> fields = BenchReport.fields();
          fields.put("api", options.api());
          fill(options.n(), LIMIT, fields, options.api());
          fields.put(
              "ratio_to_unlimited", ((Number) fields.get("fill_ms")).doubleValue() / unlimitedFill);
          report.print(fields);
        });
  }

  /** Fills (and with a limit, drains) a pool; returns the fill time in ms. */
  private static long fill(int n, Integer limit, Map<String, Object> fields, String api)
      throws Exception {
    try (OperatorUnderTest op = new OperatorUnderTest(api)) {
      String ns = op.newNamespace();
      PlexusWorkerPool pool = TestPools.pool(ns + "-pool", ns + "/*");
      op.client()
          .resources(PlexusWorkerPool.class)
          .resource(limit == null ? pool : TestPools.withLimit(pool, limit))
          .create();
      SharedIndexInformer<Job> jobs = op.client().batch().v1().jobs().inNamespace(ns).inform();
      op.counter.awaitQuiet(500, 5_000);
      op.counter.reset();

      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        op.client()
            .resources(PlexusTask.class)
            .resource(
                TestTasks.builder().namespace(ns).name("task-" + i).target(ns + "/eval").buildNew())
            .create();
      }
      await(() -> jobs.getStore().list().size() >= n, "all " + n + " Jobs");
      long fillMs = (System.nanoTime() - start) / 1_000_000;
      if (fields == null) {
        op.counter.awaitQuiet(1_000, 30_000);
        return fillMs;
      }
      long reconcilesBefore = op.reconciles();
      long drainMs = drain(op, jobs, n, api.equals("local"));
      long drainReconciles = op.reconciles() - reconcilesBefore;
      jobs.close();
      op.counter.awaitQuiet(1_000, 30_000);
      fields.put("n", n);
      fields.put("limit", limit);
      fields.put("fill_ms", fillMs);
      fields.put("drain_ms", drainMs);
      fields.put("lists", op.counter.lists());
      fields.put("drain_reconciles_per_task", (double) drainReconciles / n);
      System.err.println("queue: operator requests by verb and resource: " + op.counter.snapshot());
      return fillMs;
    }
  }

  /**
   * Completes running Jobs as they appear (on the real control plane: once its Job controller has
   * started them) until all N are complete; returns the time in ms.
   */
  private static long drain(
      OperatorUnderTest op, SharedIndexInformer<Job> jobs, int n, boolean realJobController)
      throws InterruptedException {
    JobControllerSimulator controller = new JobControllerSimulator(op.client());
    Set<String> completed = new HashSet<>();
    long start = System.nanoTime();
    long deadline = start + TEN_MINUTES;
    while (completed.size() < n) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("drained only " + completed.size() + " of " + n);
      }
      boolean any = false;
      for (Job job : jobs.getStore().list()) {
        if (JobStates.isActive(job)
            && (!realJobController || started(job))
            && completed.add(job.getMetadata().getName())) {
          controller.complete(job);
          any = true;
        }
      }
      if (!any) {
        Thread.sleep(2);
      }
    }
    await(
        () -> jobs.getStore().list().stream().allMatch(JobStates::isFinished), "all Jobs complete");
    return (System.nanoTime() - start) / 1_000_000;
  }

  /**
   * Whether the real Job controller has started the Job (a real server refuses a finished Job
   * without a startTime).
   */
  private static boolean started(Job job) {
    return job.getStatus() != null && job.getStatus().getStartTime() != null;
  }

  private static void await(java.util.function.BooleanSupplier done, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + TEN_MINUTES;
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not reached in 10 minutes: " + what);
      }
      Thread.sleep(5);
    }
  }
}
