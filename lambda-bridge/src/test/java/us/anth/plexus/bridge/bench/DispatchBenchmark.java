package us.anth.plexus.bridge.bench;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import us.anth.plexus.api.PlexusLabels;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.PlexusWorkerPoolSpec;
import us.anth.plexus.bridge.BridgeConfig;
import us.anth.plexus.bridge.BridgeCores;
import us.anth.plexus.bridge.BridgeFixture;
import us.anth.plexus.bridge.DashboardTasks;
import us.anth.plexus.bridge.NamespaceMapping;
import us.anth.plexus.bridge.TaskNames;
import us.anth.plexus.bridge.poller.PollerOptions;
import us.anth.plexus.bridge.poller.PollerSettings;
import us.anth.plexus.bridge.poller.StreamPoller;
import us.anth.plexus.bridge.poller.StreamPollerMain;
import us.anth.plexus.devkit.bench.BenchReport;
import us.anth.plexus.devkit.bench.Percentiles;
import us.anth.plexus.operator.OperatorConfig;
import us.anth.plexus.operator.PlexusOperator;
import us.anth.plexus.operator.mirror.TaskRecordMirror;

/**
 * {@code bin/bench dispatch [--n TASKS] [--reps R]} (a main class, not a test): inserts N PENDING
 * Task records into DynamoDB Local, 50 ms apart, with the stream poller (production pacing: 100
 * records per call, 1 s pause when caught up) and the operator running; latency is from each insert
 * to its Job appearing on the API server.
 */
public final class DispatchBenchmark {
  private static final Duration SPACING = Duration.ofMillis(50);

  private DispatchBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchReport.main("dispatch", args, 100, (options, report) -> report.print(run(options.n())));
  }

  private static Map<String, Object> run(int n) throws Exception {
    try (BridgeFixture fixture = new BridgeFixture()) {
      BridgeFixture.Table table = fixture.newTable();
      String namespace = "dispatch-" + UUID.randomUUID().toString().substring(0, 8);
      fixture.kube().resources(PlexusWorkerPool.class).resource(pool()).create();
      PlexusOperator operator =
          PlexusOperator.create(
              fixture.kube(), OperatorConfig.defaults(), TaskRecordMirror.DISABLED);
      operator.start();
      Map<String, Long> seen = new ConcurrentHashMap<>();
      SharedIndexInformer<Job> jobs =
          fixture.kube().batch().v1().jobs().inNamespace(namespace).inform(recordTo(seen));
      StreamPoller poller =
          StreamPollerMain.create(
              fixture.streams(),
              table.streamArn(),
              fixture.kube(),
              new PollerSettings(table.streamArn(), "bridge-checkpoint", namespace),
              BridgeCores.forTable(
                  fixture.dynamo(),
                  table.settings(),
                  table.name(),
                  fixture.kube(),
                  new BridgeConfig(NamespaceMapping.parse("", namespace), 4)),
              PollerOptions.defaults());
      Thread pollerThread = new Thread(poller, "stream-poller");
      pollerThread.start();
      try {
        Map<String, Long> inserted = new ConcurrentHashMap<>();
        for (int i = 0; i < n; i++) {
          DashboardTasks task = DashboardTasks.pending();
          inserted.put(TaskNames.forTaskId(task.id()), System.nanoTime());
          table.insert(task);
          Thread.sleep(SPACING.toMillis());
        }
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (seen.size() < n && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        if (seen.size() < n) {
          throw new IllegalStateException("only " + seen.size() + " of " + n + " Jobs in 10 min");
        }
        List<Long> latencies = new ArrayList<>();
        seen.forEach((task, at) -> latencies.add((at - inserted.get(task)) / 1_000_000));
        Map<String, Object> fields = BenchReport.fields();
        fields.put("tasks", n);
        fields.put("p50_ms", Percentiles.of(latencies, 50));
        fields.put("p99_ms", Percentiles.of(latencies, 99));
        return fields;
      } finally {
        poller.stop();
        poller.awaitStopped(Duration.ofSeconds(10));
        jobs.close();
        operator.stop();
      }
    }
  }

  private static PlexusWorkerPool pool() {
    PlexusWorkerPoolSpec spec = new PlexusWorkerPoolSpec();
    spec.setTargets(List.of("*", "*/*", "*/*/*"));
    spec.setCommandPrefix("");
    PlexusWorkerPool pool = new PlexusWorkerPool();
    pool.setMetadata(new ObjectMetaBuilder().withName("dispatch-bench").build());
    pool.setSpec(spec);
    return pool;
  }

  private static ResourceEventHandler<Job> recordTo(Map<String, Long> seen) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(Job job) {
        seen.putIfAbsent(
            job.getMetadata().getAnnotations().get(PlexusLabels.TASK_NAME), System.nanoTime());
      }

      @Override
      public void onUpdate(Job oldJob, Job newJob) {}

      @Override
      public void onDelete(Job job, boolean deletedFinalStateUnknown) {}
    };
  }
}
