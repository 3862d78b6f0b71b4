package us.anth.plexus.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.devkit.EmbeddedKubeApi;
import us.anth.plexus.devkit.appsync.AppSyncRig;
import us.anth.plexus.devkit.appsync.AppSyncSubscriber;
import us.anth.plexus.devkit.appsync.SimulatorUnavailableException;
import us.anth.plexus.store.NewTask;
import us.anth.plexus.store.TaskStageStore;
import us.anth.plexus.store.appsync.AppSyncSettings;
import us.anth.plexus.store.appsync.AppSyncTaskWriter;
import us.anth.plexus.store.appsync.TaskSink;

/**
 * A runner process with PLEXUS_TASK_SINK=appsync against the AppSync simulator: each stage's
 * creation and progress and the final Task fields arrive as the subscription events a dashboard
 * follows; a missing API key stops the runner at start with one line.
 */
class AppSyncRunnerProcessIT {
  private static final Duration EVENT_WAIT = Duration.ofSeconds(20);
  private static AppSyncRig rig;
  private static EmbeddedKubeApi api;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    try {
      rig = AppSyncRig.start();
    } catch (SimulatorUnavailableException e) {
      Assumptions.abort("AppSync simulator unavailable: " + e.getMessage());
    }
    api = EmbeddedKubeApi.start();
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void stageCreationProgressAndFinalFieldsArriveAsSubscriptionEvents() throws Exception {
    PlexusTask task = TestTasks.demo(api.client());
    String taskId = task.getSpec().getTaskId();
    AppSyncTaskWriter.open(AppSyncSettings.fromEnv(env(rig.simulator().apiKey())))
        .createTask(taskId, NewTask.of("acct-1", "demo", "demo/x", "plexus-runner demo"));
    String processing = TaskStageStore.stageId(taskId, "Processing");
    Path stderr = dir.resolve("stderr.txt");

    try (AppSyncSubscriber subscriber = rig.subscriber()) {
      subscriber.subscribe("subscription { onCreateTaskStage { id taskId name order status } }");
      subscriber.subscribe(
          "subscription { onUpdateTaskStage { id status processedItems totalItems } }");
      subscriber.subscribe(
          "subscription { onUpdateTask { id status currentStageId output stdout } }");

      assertThat(RunnerProcess.runToEnd(api.url(), task, env(rig.simulator().apiKey()), stderr))
          .as(Files.readString(stderr))
          .isZero();

      for (String stage : List.of("Initialization", "Processing", "Finalizing")) {
        String stageId = TaskStageStore.stageId(taskId, stage);
        awaitEvent(subscriber, "onCreateTaskStage", e -> stageId.equals(e.path("id").asText()));
      }
      awaitEvent(
          subscriber,
          "onUpdateTaskStage",
          e -> processing.equals(e.path("id").asText()) && e.path("processedItems").asInt() > 0);
      awaitEvent(
          subscriber,
          "onUpdateTaskStage",
          e ->
              processing.equals(e.path("id").asText())
                  && "COMPLETED".equals(e.path("status").asText())
                  && e.path("processedItems").asInt() == 200);
      JsonNode last =
          awaitEvent(
              subscriber,
              "onUpdateTask",
              e ->
                  taskId.equals(e.path("id").asText())
                      && e.path("output").asText().contains("output: processed 200 items"));
      assertThat(last.path("stdout").asText()).contains("demo finished: 200 items");
      assertThat(last.path("status").asText()).as("the operator owns status").isEqualTo("PENDING");
      assertThat(Files.readString(stderr)).doesNotContain("AppSync:");
    }
  }

  /**
   * AppSync refusing every write (a revoked key) is logged once in AppSync's own words and never
   * retried: the run still ends with its command's exit code and no failed attempts.
   */
  @Test
  void aRefusedKeyIsLoggedOnceAndNotRetried() throws Exception {
    PlexusTask task = TestTasks.demo(api.client());
    Path stderr = dir.resolve("stderr.txt");

    assertThat(RunnerProcess.runToEnd(api.url(), task, env("da2-revoked"), stderr))
        .as(Files.readString(stderr))
        .isZero();

    List<String> lines = Files.readAllLines(stderr);
    assertThat(lines.stream().filter(l -> l.contains("UnauthorizedException")))
        .as(String.join("\n", lines))
        .hasSize(1);
    assertThat(lines.stream().filter(l -> l.startsWith("appsync: ") || l.contains(" appsync: ")))
        .anySatisfy(l -> assertThat(l).contains("writes for", ", 0 failed attempts"));
  }

  @Test
  void aMissingApiKeyStopsTheRunnerWithOneLine() throws Exception {
    PlexusTask task =
        TestTasks.create(
            api.client(), TestTasks.randomNamespace(), "plexus-runner demo", List.of());
    Path stderr = dir.resolve("stderr.txt");
    Map<String, String> noKey =
        Map.of(
            TaskSink.ENV, "appsync", AppSyncSettings.URL, rig.simulator().graphqlUrl().toString());
    Process runner = RunnerProcess.start(api.url(), task, "128m", noKey, stderr);
    assertThat(runner.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(runner.exitValue()).isEqualTo(RunResult.CANNOT_START);
    assertThat(Files.readString(stderr).strip())
        .endsWith(
            "cannot start: PLEXUS_APPSYNC_API_KEY is required for PLEXUS_APPSYNC_URL (or set"
                + " PLEXUS_APPSYNC_AUTH=iam)");
  }

  @Test
  void aBadSinkOrTaskIdArgumentStopsTheRunnerWithOneLineNamingIt() throws Exception {
    PlexusTask task =
        TestTasks.create(
            api.client(), TestTasks.randomNamespace(), "plexus-runner demo", List.of());
    Map<String, String> badSink = Map.of(TaskSink.ENV, "graphql");
    Map<String, String> badArgument = Map.of("PLEXUS_TASK_ID_ARG", "sometimes");
    Map<Map<String, String>, String> lines =
        Map.of(
            badSink,
            "cannot start: PLEXUS_TASK_SINK must be dynamodb, appsync or both, got 'graphql'",
            badArgument,
            "cannot start: PLEXUS_TASK_ID_ARG must be auto, always or never, got 'sometimes'");
    for (Map.Entry<Map<String, String>, String> bad : lines.entrySet()) {
      Path stderr = dir.resolve(bad.getKey().keySet().iterator().next() + ".txt");
      Process runner = RunnerProcess.start(api.url(), task, "128m", bad.getKey(), stderr);
      assertThat(runner.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(runner.exitValue()).isEqualTo(RunResult.CANNOT_START);
      assertThat(Files.readString(stderr).strip()).endsWith(bad.getValue());
    }
  }

  private static Map<String, String> env(String apiKey) {
    return Map.of(
        TaskSink.ENV,
        "appsync",
        AppSyncSettings.URL,
        rig.simulator().graphqlUrl().toString(),
        AppSyncSettings.API_KEY,
        apiKey);
  }

  private static JsonNode awaitEvent(
      AppSyncSubscriber subscriber, String field, Predicate<JsonNode> match) {
    return subscriber.await(field, match, EVENT_WAIT);
  }
}
