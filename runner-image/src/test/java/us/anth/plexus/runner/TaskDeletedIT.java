package us.anth.plexus.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.devkit.EmbeddedDynamo;
import us.anth.plexus.devkit.EmbeddedKubeApi;
import us.anth.plexus.runner.publish.DynamoTaskSink;
import us.anth.plexus.runner.publish.KubernetesStatusSink;
import us.anth.plexus.store.TaskRecord;
import us.anth.plexus.store.TaskStageRecord;
import us.anth.plexus.store.TaskStores;

/**
 * Deleting the PlexusTask while its command runs ends the runner's status patches after the first
 * 404; the command runs on to its own exit code and the DynamoDB records still get the end state.
 */
class TaskDeletedIT {
  @TempDir Path dir;

  @Test
  void deletingTheTaskStopsStatusPatchesButNotTheCommandOrDynamoDb() throws Exception {
    try (EmbeddedKubeApi api = EmbeddedKubeApi.start();
        EmbeddedDynamo dynamo = EmbeddedDynamo.start()) {
      Path release = dir.resolve("release");
      PlexusTask task =
          TestTasks.create(
              api.client(),
              TestTasks.randomNamespace(),
              "python3 " + busyUntil(release) + " " + release,
              List.of());
      String taskId = task.getSpec().getTaskId();
      TaskStores stores = TestTasks.withTaskRecord(dynamo, task);
      CountingSink kubernetes = new CountingSink(new KubernetesStatusSink(api.client()));
      List<String> log = new CopyOnWriteArrayList<>();
      TaskRunner runner =
          new TaskRunner(
              settings(task),
              api.client(),
              List.of(kubernetes, new DynamoTaskSink(stores, log::add)),
              log::add);
      CompletableFuture<Integer> exitCode = CompletableFuture.supplyAsync(runner::run);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> TestTasks.status(api.client(), task).getProgress() != null);

      api.client().resource(task).delete();
      await().atMost(Duration.ofSeconds(10)).until(() -> kubernetes.goneAnswers() == 1);
      int attemptsAtGone = kubernetes.attempts();
      int requestsAtGone = api.server().getRequestCount();
      Files.createFile(release);

      assertThat(exitCode.get(30, TimeUnit.SECONDS)).as(String.join("\n", log)).isEqualTo(3);
      assertThat(kubernetes.attempts()).as("patches after the 404").isEqualTo(attemptsAtGone);
      assertThat(api.server().getRequestCount()).isEqualTo(requestsAtGone);
      assertThat(log)
          .filteredOn(line -> line.contains("HTTP 404"))
          .singleElement()
          .asString()
          .startsWith(
              "kubernetes: PlexusTask "
                  + task.getMetadata().getNamespace()
                  + "/task-1 is gone (HTTP 404); stopped writing to it");

      TaskRecord record = stores.tasks().find(taskId).orElseThrow();
      assertThat(record.errorMessage()).isEqualTo("command exited with code 3");
      assertThat(record.stdout()).contains("released");
      TaskStageRecord stage = stores.stages().listStages(taskId).get(0);
      assertThat(stage.status()).isEqualTo("FAILED");
      assertThat(stage.processedItems()).isEqualTo(1000L);
    }
  }

  /**
   * A script reporting progress every 50 ms until the file given as its argument exists, then
   * counting up to 1000, printing "released" and exiting 3.
   */
  private Path busyUntil(Path release) throws Exception {
    return RunnerProcess.script(
        dir,
        "busy.py",
        """
        import os, sys, time
        def report(i):
            print('::plexus:: {"event":"progress","stage":"Work","processed":%d,"total":1000}' % i,
                  flush=True)
        i = 0
        while not os.path.exists(sys.argv[1]):
            i = min(i + 1, 900)
            report(i)
            time.sleep(0.05)
        for i in range(i, 1001, 25):
            report(i)
            time.sleep(0.02)
        report(1000)
        print("released", flush=True)
        sys.exit(3)
        """);
  }

  private static RunnerSettings settings(PlexusTask task) {
    return RunnerSettings.fromEnv(
        Map.of(
            "PLEXUS_TASK_NAMESPACE",
            task.getMetadata().getNamespace(),
            "PLEXUS_TASK_NAME",
            task.getMetadata().getName(),
            "PLEXUS_COMMAND_PREFIX",
            "",
            "PLEXUS_POD_NAME",
            "test-pod"));
  }
}
