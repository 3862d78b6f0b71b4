package us.anth.plexus.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.StageStatus;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.devkit.appsync.AppSyncRig;
import us.anth.plexus.devkit.appsync.AppSyncSubscriber;
import us.anth.plexus.devkit.appsync.SimulatorUnavailableException;
import us.anth.plexus.devkit.executor.ExecutorOptions;
import us.anth.plexus.devkit.executor.LocalJobExecutor;
import us.anth.plexus.operator.OperatorConfig;
import us.anth.plexus.operator.mirror.TaskRecordMirrors;
import us.anth.plexus.operator.testing.OperatorHarness;
import us.anth.plexus.operator.testing.StandInPlexusApi;
import us.anth.plexus.operator.testing.TestPools;
import us.anth.plexus.operator.testing.TestTasks;
import us.anth.plexus.store.NewTask;
import us.anth.plexus.store.TaskRecord;
import us.anth.plexus.store.TaskRecordStore;
import us.anth.plexus.store.appsync.AppSyncSettings;
import us.anth.plexus.store.appsync.AppSyncTaskWriter;
import us.anth.plexus.store.appsync.TaskSink;

/**
 * The dashboard's view of a real-shaped {@code plexus} command, end to end offline: the operator
 * and the runner (a real process started by the local job executor) with sink {@code both}, and a
 * stand-in {@code plexus} executable that attaches through {@code --task-id} and reports its own
 * stages and progress through the AppSync simulator's GraphQL API. A dashboard subscriber sees the
 * stages created and progressing and the Task running and completing live; there is one Task with
 * the command's stages and no duplicate; the PlexusTask status shows the stages read back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlexusDashboardIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String KEY_SECRET = "plexus-appsync";
  private static final String API_SECRET = "plexus-api";
  @TempDir static Path dir;
  private AppSyncRig rig;
  private OperatorHarness harness;
  private LocalJobExecutor executor;

  @BeforeAll
  void start() throws Exception {
    try {
      rig = AppSyncRig.start();
    } catch (SimulatorUnavailableException e) {
      Assumptions.abort("AppSync simulator unavailable: " + e.getMessage());
    }
    Map<String, String> env = new HashMap<>(rig.dynamoSettings().toEnv());
    env.put(TaskSink.ENV, "both");
    env.put(AppSyncSettings.URL, rig.simulator().graphqlUrl().toString());
    env.put(AppSyncSettings.API_KEY, rig.simulator().apiKey());
    env.put(AppSyncSettings.API_KEY_SECRET, KEY_SECRET);
    env.put("PLEXUS_RUNNER_IMAGE", "local-executor/plexus-runner");
    env.put("PLEXUS_TERMINATION_GRACE_SECONDS", "5");
    harness = OperatorHarness.start(OperatorConfig.fromEnv(env), TaskRecordMirrors.fromEnv(env));
    Path kubeconfig = harness.api().writeKubeconfig(dir.resolve("kubeconfig"), "default");
    executor =
        new LocalJobExecutor(
                harness.client(), harness.api().podLogs(), ExecutorOptions.defaults(kubeconfig))
            .start();
  }

  @AfterAll
  void stop() {
    if (executor != null) {
      executor.close();
    }
    if (harness != null) {
      harness.close();
    }
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void theDashboardSeesOneTaskWithTheCommandsStagesLiveAndTheStatusReadsThemBack()
      throws Exception {
    String ns = harness.newNamespace();
    secrets(ns);
    harness.createPool(plexusPool(ns));
    String account = "acct-" + UUID.randomUUID();
    String taskId = UUID.randomUUID().toString();
    AppSyncTaskWriter.open(
            AppSyncSettings.fromEnv(
                Map.of(
                    TaskSink.ENV, "appsync",
                    AppSyncSettings.URL, rig.simulator().graphqlUrl().toString(),
                    AppSyncSettings.API_KEY, rig.simulator().apiKey())))
        .createTask(
            taskId,
            NewTask.of(account, "Evaluation", ns + "/x", "evaluate accuracy --scorecard 'Agent'"));

    try (AppSyncSubscriber dashboard = rig.subscriber()) {
      dashboard.subscribe("subscription { onUpdateTask { id status currentStageId stdout } }");
      dashboard.subscribe("subscription { onCreateTaskStage { id taskId name order status } }");
      dashboard.subscribe(
          "subscription { onUpdateTaskStage { id taskId name status processedItems totalItems } }");
      harness.createTask(
          TestTasks.builder()
              .namespace(ns)
              .name("evaluation")
              .target(ns + "/x")
              .command("evaluate accuracy --scorecard 'Agent'")
              .taskId(taskId)
              .buildNew());

      for (String stage : StandInPlexusApi.STAGES) {
        try {
          dashboard.await(
              "onCreateTaskStage",
              e ->
                  taskId.equals(e.path("taskId").asText()) && stage.equals(e.path("name").asText()),
              WAIT);
        } catch (IllegalStateException missing) {
          throw new AssertionError(
              "the command's stderr: "
                  + new TaskRecordStore(rig.dynamo().client(), rig.dynamoSettings())
                      .find(taskId)
                      .map(TaskRecord::stderr)
                      .orElse("(no record)"),
              missing);
        }
      }
      dashboard.await("onUpdateTask", e -> isTask(e, taskId, "RUNNING"), WAIT);
      JsonNode progress =
          dashboard.await(
              "onUpdateTaskStage",
              e ->
                  taskId.equals(e.path("taskId").asText())
                      && "RUNNING".equals(e.path("status").asText())
                      && e.path("processedItems").asLong() == 2,
              WAIT);
      assertThat(progress.path("totalItems").asLong()).isEqualTo(StandInPlexusApi.ITEMS);
      dashboard.await("onUpdateTask", e -> isTask(e, taskId, "COMPLETED"), WAIT);
      JsonNode runnerWrite =
          dashboard.await(
              "onUpdateTask",
              e ->
                  taskId.equals(e.path("id").asText())
                      && e.path("stdout").asText().contains("| task "),
              WAIT);
      assertThat(runnerWrite.path("stdout").asText())
          .as("the command got --task-id and the runner wrote its stdout")
          .contains("plexus evaluate accuracy --scorecard Agent --task-id " + taskId);
    }

    PlexusTaskStatus status =
        Awaitility.await()
            .atMost(WAIT)
            .until(
                () -> harness.status(ns, "evaluation"),
                s -> s.getPhase() == TaskPhase.Succeeded && s.getStages() != null);
    assertThat(status.getStages())
        .as("the command's stages, read back into the PlexusTask status")
        .extracting(StageStatus::getName, s -> s.getStatus().name(), StageStatus::getProcessedItems)
        .containsExactly(
            tuple("Setup", "COMPLETED", null),
            tuple("Processing", "COMPLETED", StandInPlexusApi.ITEMS),
            tuple("Finalizing", "COMPLETED", null));

    TaskRecordStore records = new TaskRecordStore(rig.dynamo().client(), rig.dynamoSettings());
    TaskRecord record = records.find(taskId).orElseThrow();
    assertThat(record.status()).isEqualTo("COMPLETED");
    assertThat(record.output()).contains("task_info:", "Evaluation");
    assertThat(tasksOfAccount(account)).as("no second Task (type UNKNOWN or otherwise)").hasSize(1);
    assertThat(stageNames(taskId))
        .as("only the command's stages, none of the runner's")
        .containsExactlyInAnyOrderElementsOf(StandInPlexusApi.STAGES);
  }

  private static boolean isTask(JsonNode event, String taskId, String status) {
    return taskId.equals(event.path("id").asText()) && status.equals(event.path("status").asText());
  }

  private void secrets(String ns) {
    secret(ns, KEY_SECRET, Map.of("apiKey", rig.simulator().apiKey()));
    secret(
        ns,
        API_SECRET,
        Map.of(
            "PLEXUS_API_URL", rig.simulator().graphqlUrl().toString(),
            "PLEXUS_API_KEY", rig.simulator().apiKey()));
  }

  private void secret(String ns, String name, Map<String, String> entries) {
    harness
        .client()
        .secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(ns)
                .endMetadata()
                .withStringData(entries)
                .build())
        .create();
  }

  /** A pool whose command prefix is the stand-in {@code plexus}, with the Plexus API Secret. */
  private PlexusWorkerPool plexusPool(String ns) throws Exception {
    Path plexus = dir.resolve("bin").resolve("plexus");
    Files.createDirectories(plexus.getParent());
    try (var in = getClass().getResourceAsStream("/stand-in-plexus-api/plexus")) {
      Files.copy(Objects.requireNonNull(in), plexus, StandardCopyOption.REPLACE_EXISTING);
    }
    assertThat(plexus.toFile().setExecutable(true)).isTrue();
    PlexusWorkerPool pool = TestPools.pool(ns + "-plexus", ns + "/*");
    pool.getSpec().setCommandPrefix(plexus.toString());
    pool.getSpec().setPlexusApiSecret(API_SECRET);
    pool.getSpec()
        .setEnv(
            List.of(
                new EnvVar(
                    "STAND_IN_JAVA",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    null),
                new EnvVar("STAND_IN_CLASSPATH", System.getProperty("java.class.path"), null)));
    return pool;
  }

  private List<String> tasksOfAccount(String account) {
    return rig
        .dynamo()
        .client()
        .scan(
            r ->
                r.tableName(rig.dynamoSettings().taskTable())
                    .filterExpression("accountId = :a")
                    .expressionAttributeValues(Map.of(":a", AttributeValue.fromS(account))))
        .items()
        .stream()
        .map(item -> item.get("id").s())
        .toList();
  }

  private List<String> stageNames(String taskId) {
    return new us.anth.plexus.store.TaskStageStore(rig.dynamo().client(), rig.dynamoSettings())
        .listStages(taskId).stream().map(us.anth.plexus.store.TaskStageRecord::name).toList();
  }
}
