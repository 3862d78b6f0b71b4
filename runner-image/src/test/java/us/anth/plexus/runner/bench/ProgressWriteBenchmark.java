package us.anth.plexus.runner.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.devkit.EmbeddedDynamo;
import us.anth.plexus.devkit.EmbeddedKubeApi;
import us.anth.plexus.devkit.bench.BenchReport;
import us.anth.plexus.runner.PacedProgress;
import us.anth.plexus.runner.TaskRun;
import us.anth.plexus.runner.TestTasks;
import us.anth.plexus.runner.publish.DynamoTaskSink;
import us.anth.plexus.runner.publish.KubernetesStatusSink;
import us.anth.plexus.runner.publish.PublishPolicy;
import us.anth.plexus.runner.publish.StatusPublisher;
import us.anth.plexus.store.NewTask;
import us.anth.plexus.store.TaskStores;

/**
 * {@code bin/bench progress [--n INCREMENTS] [--reps R]} (a main class, not a test): feeds progress
 * increments, evenly paced over 10 s, through the real publisher into the Kubernetes status sink
 * (embedded API) and the DynamoDB sink (DynamoDB Local) and counts the writes that reach each.
 * {@code overhead_ratio}: the same increments fed unpaced with the publisher listening, divided by
 * unpaced without it (the CPU cost of progress tracking plus coalesced publishing).
 */
public final class ProgressWriteBenchmark {
  private ProgressWriteBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchReport.main(
        "progress",
        args,
        100_000,
        (options, report) -> report.print(run(options.n(), Duration.ofSeconds(10))));
  }

  private static Map<String, Object> run(int increments, Duration spread) throws Exception {
    try (EmbeddedKubeApi api = EmbeddedKubeApi.start();
        EmbeddedDynamo dynamo = EmbeddedDynamo.start()) {
      PlexusTask task =
          PacedProgress.createTask(api.client(), TestTasks.randomNamespace(), increments);
      String taskId = task.getSpec().getTaskId();
      AtomicLong dynamoWrites = new AtomicLong();
      TaskStores stores = TaskStores.on(counting(dynamo.client(), dynamoWrites), dynamo.settings());
      stores.tasks().createTask(taskId, NewTask.of("acct", "demo", "bench/x", "evaluate"));
      dynamoWrites.set(0);

      TaskRun run = PacedProgress.runOf(task, System.err::println);
      StatusPublisher publisher =
          new StatusPublisher(
              List.of(
                  new KubernetesStatusSink(api.client()),
                  new DynamoTaskSink(stores, System.err::println)),
              run::snapshot,
              PublishPolicy.DEFAULT,
              System.err::println);
      run.addListener(publisher);
      int requestsBefore = api.server().getRequestCount();

      PacedProgress.feed(run, increments, spread);
      boolean flushed = publisher.finish(Duration.ofSeconds(30));
      if (!flushed) {
        throw new IllegalStateException("the final state did not reach both sinks in 30 s");
      }
      int patches = api.server().getRequestCount() - requestsBefore;

      Map<String, Object> fields = BenchReport.fields();
      fields.put("increments", increments);
      fields.put("status_patches", patches);
      fields.put("dynamodb_writes", dynamoWrites.get());
      fields.put("overhead_ratio", overheadRatio(task, increments, stores));
      return fields;
    }
  }

  /** Unpaced feed time with the publisher listening over the time without it (best of three). */
  private static double overheadRatio(PlexusTask task, int increments, TaskStores stores) {
    long bare = Long.MAX_VALUE;
    long published = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      bare = Math.min(bare, timeFeed(PacedProgress.runOf(task, line -> {}), increments));
      TaskRun run = PacedProgress.runOf(task, line -> {});
      StatusPublisher publisher =
          new StatusPublisher(
              List.of(new DynamoTaskSink(stores, line -> {})),
              run::snapshot,
              PublishPolicy.DEFAULT,
              line -> {});
      run.addListener(publisher);
      published = Math.min(published, timeFeed(run, increments));
      publisher.finish(Duration.ofSeconds(30));
    }
    return (double) published / bare;
  }

  private static long timeFeed(TaskRun run, int increments) {
    long start = System.nanoTime();
    PacedProgress.feed(run, increments, Duration.ZERO);
    return System.nanoTime() - start;
  }

  /** The real client, counting the UpdateItem calls made through it (reads are not counted). */
  private static DynamoDbClient counting(DynamoDbClient client, AtomicLong updates) {
    return (DynamoDbClient)
        Proxy.newProxyInstance(
            DynamoDbClient.class.getClassLoader(),
            new Class<?>[] {DynamoDbClient.class},
            (proxy, method, methodArgs) -> {
              if (method.getName().equals("updateItem")) {
                updates.incrementAndGet();
              }
              try {
                return method.invoke(client, methodArgs);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
