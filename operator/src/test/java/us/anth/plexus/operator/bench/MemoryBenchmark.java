package us.anth.plexus.operator.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import us.anth.plexus.api.PlexusLabels;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.devkit.bench.BenchReport;
import us.anth.plexus.operator.OperatorMain;
import us.anth.plexus.operator.testing.ChildJvm;
import us.anth.plexus.operator.testing.TestPools;
import us.anth.plexus.operator.testing.TestTasks;

/**
 * {@code bin/bench memory [--n TASKS] [--api embedded|local] [--reps R]} (a main class, not a
 * test): the operator ({@code OperatorMain}) in its own JVM against an API server holding 100
 * pools; N tasks (default 10,000) spread over the pools, each to its Job. On the real control plane
 * the Job controller also creates each Job's pod (Pending: no nodes), which the operator caches as
 * well. {@code heap_mb} is the operator's live set after a full GC ({@code jcmd
 * GC.class_histogram}, which collects first), minus nothing.
 */
public final class MemoryBenchmark {
  private static final int POOLS = 100;
  private static final Pattern TOTAL = Pattern.compile("Total\\s+\\d+\\s+(\\d+)");

  private MemoryBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchReport.main(
        "memory",
        args,
        10_000,
        true,
        (options, report) -> report.print(run(options.n(), options.api())));
  }

  private static Map<String, Object> run(int tasks, String apiName) throws Exception {
    Path dir = Files.createTempDirectory("bench-memory");
    try (BenchApi api = BenchApi.start(apiName)) {
      // pools are cluster-scoped: a prefix of its own per run (the control plane outlives a run)
      String pool = "pool-" + Long.toString(System.nanoTime() % 1_000_000, 36) + "-";
      for (int p = 0; p < POOLS; p++) {
        api.client()
            .resources(PlexusWorkerPool.class)
            .resource(TestPools.pool(pool + p, pool + p + "/*"))
            .create();
      }
      SharedIndexInformer<Job> jobs = api.client().batch().v1().jobs().inAnyNamespace().inform();
      SharedIndexInformer<Pod> pods =
          api.client()
              .pods()
              .inAnyNamespace()
              .withLabel(PlexusLabels.MANAGED_BY, PlexusLabels.MANAGED_BY_VALUE)
              .inform();
      Map<String, String> env =
          Map.of(
              "KUBECONFIG",
              api.writeKubeconfig(dir.resolve("kubeconfig")).toString(),
              "PLEXUS_HEALTH_PORT",
              "0",
              "PLEXUS_METRICS_PORT",
              "0",
              // no pod ever starts (embedded: no Job controller; local: no nodes): keep the
              // pod-start check (an Events LIST per task once the grace ends) out of the
              // measurement
              "PLEXUS_POD_START_GRACE_SECONDS",
              "3600");
      List<String> namespaces = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        namespaces.add(api.newNamespace());
      }
      try (ChildJvm operator = ChildJvm.start(OperatorMain.class, env)) {
        for (int i = 0; i < tasks; i++) {
          String ns = namespaces.get(i % namespaces.size());
          api.client()
              .resources(PlexusTask.class)
              .resource(
                  TestTasks.builder()
                      .namespace(ns)
                      .name("task-" + i)
                      .target(pool + (i % POOLS) + "/eval")
                      .buildNew())
              .create();
        }
        long deadline = System.nanoTime() + 1_800_000_000_000L;
        while (countIn(jobs, namespaces) < tasks) {
          if (System.nanoTime() > deadline || !operator.isAlive()) {
            throw new IllegalStateException(
                "only " + countIn(jobs, namespaces) + " of " + tasks + " Jobs");
          }
          Thread.sleep(100);
        }
        // on the real control plane the Job controller creates the pods at its own pace (its
        // client's QPS): the operator caches them too, so measure once they all exist (or after
        // 20 minutes, with the count in the output)
        long podDeadline = System.nanoTime() + 1_200_000_000_000L;
        while (apiName.equals("local")
            && countIn(pods, namespaces) < tasks
            && System.nanoTime() < podDeadline) {
          Thread.sleep(1_000);
        }
        Thread.sleep(3_000);
        Map<String, Object> fields = BenchReport.fields();
        fields.put("api", apiName);
        fields.put("tasks", tasks);
        fields.put("pools", POOLS);
        fields.put("pods", countIn(pods, namespaces));
        double heapMb = liveHeapBytes(operator.pid()) / (1024.0 * 1024.0);
        dumpHeapIfAsked(operator.pid());
        fields.put("heap_mb", heapMb);
        fields.put("heap_mb_per_1000", heapMb * 1000 / tasks);
        return fields;
      }
    }
  }

  private static <T extends HasMetadata> long countIn(
      SharedIndexInformer<T> informer, List<String> namespaces) {
    return informer.getStore().list().stream()
        .filter(o -> namespaces.contains(o.getMetadata().getNamespace()))
        .count();
  }

  /**
   * With {@code BENCH_HEAP_DUMP=FILE} in the environment, writes the operator's live objects to
   * FILE (hprof) for finding what holds them.
   */
  private static void dumpHeapIfAsked(long pid) throws IOException, InterruptedException {
    String file = System.getenv("BENCH_HEAP_DUMP");
    if (file != null && !file.isBlank()) {
      System.err.println("memory: heap dump: " + jcmd(pid, "GC.heap_dump", file).strip());
    }
  }

  /** The live set of the JVM {@code pid}: the class histogram total, taken after a full GC. */
  static long liveHeapBytes(long pid) throws IOException, InterruptedException {
    String out = jcmd(pid, "GC.class_histogram");
    System.err.println(
        "memory: the operator's 25 largest classes (live, after a full GC):\n"
            + out.lines().limit(28).collect(java.util.stream.Collectors.joining("\n")));
    Matcher m = TOTAL.matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("no histogram total from jcmd: " + out);
    }
    return Long.parseLong(m.group(1));
  }

  /** What {@code jcmd PID COMMAND...} printed (stdout and stderr). */
  private static String jcmd(long pid, String... command) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>();
    line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    line.add(Long.toString(pid));
    line.addAll(List.of(command));
    Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    process.waitFor();
    return out;
  }
}
