package us.anth.plexus.runner.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.devkit.EmbeddedDynamo;
import us.anth.plexus.devkit.EmbeddedKubeApi;
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
 * Benchmark (a main class, not a test): feeds progress increments, evenly paced, through the real
 * publisher into the Kubernetes status sink (embedded API) and the DynamoDB sink (DynamoDB Local)
 * and prints how many writes reached each. Args: [increments=100000] [seconds=10]. Run with {@code
 * ./mvnw -q -o -pl runner-image -Pbench test-compile exec:java}.
 */
public final class ProgressWriteBenchmark {
  private ProgressWriteBenchmark() {}

  public static void main(String[] args) throws Exception {
    run(args);
    // DynamoDB Local leaves non-daemon threads behind, which exec:java would wait minutes for.
    System.exit(0);
  }

  private static void run(String[] args) throws Exception {
    int increments = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Duration spread = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 10);
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

      long start = System.nanoTime();
      PacedProgress.feed(run, increments, spread);
      boolean flushed = publisher.finish(Duration.ofSeconds(30));
      double elapsed = (System.nanoTime() - start) / 1e9;
      int patches = api.server().getRequestCount() - requestsBefore;

      System.out.printf("increments: %d%n", increments);
      System.out.printf("elapsed seconds: %.2f%n", elapsed);
      System.out.printf("final state written to both sinks: %s%n", flushed);
      System.out.printf("Kubernetes patches: %d%n", patches);
      System.out.printf("DynamoDB writes: %d%n", dynamoWrites.get());
      System.out.printf(
          "writes per 1,000 increments: %.3f (Kubernetes %.3f, DynamoDB %.3f)%n",
          (patches + dynamoWrites.get()) * 1000.0 / increments,
          patches * 1000.0 / increments,
          dynamoWrites.get() * 1000.0 / increments);
    }
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
