package us.anth.plexus.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static us.anth.plexus.operator.testing.OperatorHarness.eventually;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import us.anth.plexus.devkit.appsync.AppSyncRig;
import us.anth.plexus.devkit.appsync.AppSyncSubscriber;
import us.anth.plexus.devkit.appsync.SimulatorUnavailableException;
import us.anth.plexus.operator.OperatorConfig;
import us.anth.plexus.operator.mirror.TaskRecordMirrors;
import us.anth.plexus.operator.model.Conditions;
import us.anth.plexus.operator.testing.JobControllerSimulator;
import us.anth.plexus.operator.testing.OperatorHarness;
import us.anth.plexus.operator.testing.TestPools;
import us.anth.plexus.operator.testing.TestTasks;
import us.anth.plexus.store.NewTask;
import us.anth.plexus.store.TaskRecordStore;
import us.anth.plexus.store.appsync.AppSyncSettings;
import us.anth.plexus.store.appsync.AppSyncTaskWriter;
import us.anth.plexus.store.appsync.TaskSink;

/**
 * The real operator with PLEXUS_TASK_SINK=appsync against the AppSync simulator: each status change
 * of a task arrives at a dashboard's onUpdateTask subscription; AppSync's refusals become
 * Synced=False with AppSync's own message; a missing API key stops the start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppSyncMirrorIT {
  private AppSyncRig rig;
  private OperatorHarness harness;

  @BeforeAll
  void start() {
    try {
      rig = AppSyncRig.start();
    } catch (SimulatorUnavailableException e) {
      Assumptions.abort("AppSync simulator unavailable: " + e.getMessage());
    }
    harness =
        OperatorHarness.start(
            OperatorConfig.defaults(), TaskRecordMirrors.fromEnv(env(rig.simulator().apiKey())));
  }

  @AfterAll
  void stop() {
    if (harness != null) {
      harness.close();
    }
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void statusChangesArriveAsOnUpdateTaskEvents() {
    String ns = harness.newNamespace();
    harness.createPool(TestPools.pool(ns + "-p", ns + "/*"));
    String taskId = dashboardTask(ns);
    JobControllerSimulator jobs = new JobControllerSimulator(harness.client());
    try (AppSyncSubscriber subscriber = rig.subscriber()) {
      subscriber.subscribe(
          "subscription { onUpdateTask { id status dispatchStatus workerNodeId startedAt"
              + " completedAt } }");
      harness.createTask(
          TestTasks.builder()
              .namespace(ns)
              .name("live")
              .target(ns + "/x")
              .taskId(taskId)
              .buildNew());
      Job job = eventually().until(() -> harness.jobOf(ns, "live"), j -> j != null);
      String pod = jobs.start(job);
      JsonNode running =
          awaitEvent(
              subscriber,
              e ->
                  taskId.equals(e.path("id").asText())
                      && "RUNNING".equals(e.path("status").asText()));
      assertThat(running.path("workerNodeId").asText()).isEqualTo(pod);
      assertThat(running.path("dispatchStatus").asText()).isEqualTo("DISPATCHED");

      jobs.complete(job);
      JsonNode completed =
          awaitEvent(
              subscriber,
              e ->
                  taskId.equals(e.path("id").asText())
                      && "COMPLETED".equals(e.path("status").asText()));
      assertThat(completed.path("completedAt").asText()).isNotBlank();
    }
    assertThat(synced(ns, "live", "True").getReason()).isEqualTo("Mirrored");
    assertThat(
            new TaskRecordStore(rig.dynamo().client(), rig.dynamoSettings())
                .find(taskId)
                .orElseThrow()
                .status())
        .isEqualTo("COMPLETED");
  }

  @Test
  void sinkBothWritesDynamoFieldsAndFiresSubscriptions() throws Exception {
    try (OperatorHarness combined = bothSinks();
        AppSyncSubscriber subscriber = rig.subscriber()) {
      subscriber.subscribe("subscription { onUpdateTask { id status } }");
      String ns = combined.newNamespace();
      combined.createPool(TestPools.pool(ns + "-p", ns + "/*"));
      String taskId = dashboardTask(ns);
      combined.createTask(
          TestTasks.builder()
              .namespace(ns)
              .name("both")
              .target(ns + "/x")
              .taskId(taskId)
              .buildNew());
      Job job = eventually().until(() -> combined.jobOf(ns, "both"), j -> j != null);
      new JobControllerSimulator(combined.client()).start(job);
      awaitEvent(
          subscriber,
          e -> taskId.equals(e.path("id").asText()) && "RUNNING".equals(e.path("status").asText()));
      var record =
          eventually()
              .until(
                  () ->
                      new TaskRecordStore(rig.dynamo().client(), rig.dynamoSettings())
                          .find(taskId)
                          .orElseThrow(),
                  r -> r.metadata() != null && r.metadata().contains("kubernetes"));
      assertThat(
              new com.fasterxml.jackson.databind.ObjectMapper()
                  .readTree(record.metadata())
                  .path("kubernetes")
                  .path("name")
                  .asText())
          .as("metadata.kubernetes comes from the DynamoDB half")
          .isEqualTo("both");
    }
  }

  @Test
  void sinkBothBringsTheAuditHistoryToTheDashboardsSubscription() throws Exception {
    try (OperatorHarness combined = bothSinks();
        AppSyncSubscriber subscriber = rig.subscriber()) {
      subscriber.subscribe("subscription { onUpdateTask { id status metadata } }");
      String ns = combined.newNamespace();
      combined.createPool(TestPools.pool(ns + "-p", ns + "/*"));
      String taskId = dashboardTask(ns);
      combined.createTask(
          TestTasks.builder()
              .namespace(ns)
              .name("audited")
              .target(ns + "/x")
              .taskId(taskId)
              .buildNew());
      Job job = eventually().until(() -> combined.jobOf(ns, "audited"), j -> j != null);
      new JobControllerSimulator(combined.client()).start(job);
      JsonNode running =
          awaitEvent(
              subscriber,
              e ->
                  taskId.equals(e.path("id").asText())
                      && "RUNNING".equals(e.path("status").asText()));
      JsonNode history =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(running.path("metadata").asText())
              .path("kubernetes")
              .path("history");
      assertThat(history.findValuesAsText("kind")).contains("Created", "Routed", "Started");
    }
  }

  @Test
  void aBadKeyGivesSyncedFalseWithAppSyncsMessage() {
    try (OperatorHarness badKey =
        OperatorHarness.start(
            OperatorConfig.defaults(), TaskRecordMirrors.fromEnv(env("da2-revoked")))) {
      String ns = badKey.newNamespace();
      badKey.createPool(TestPools.pool(ns + "-p", ns + "/*"));
      String taskId = dashboardTask(ns);
      badKey.createTask(
          TestTasks.builder()
              .namespace(ns)
              .name("denied")
              .target(ns + "/x")
              .taskId(taskId)
              .buildNew());
      Condition synced =
          eventually()
              .until(
                  () ->
                      Conditions.find(
                          badKey.status(ns, "denied").getConditions(), Conditions.SYNCED),
                  c -> c.isPresent() && "False".equals(c.get().getStatus()))
              .orElseThrow();
      assertThat(synced.getReason()).isEqualTo("MirrorFailed");
      assertThat(synced.getMessage()).contains("UnauthorizedException");
    }
  }

  @Test
  void aMissingApiKeyStopsTheStartWithOneLine() {
    Map<String, String> noKey =
        Map.of(
            TaskSink.ENV, "appsync", AppSyncSettings.URL, rig.simulator().graphqlUrl().toString());
    assertThatThrownBy(() -> TaskRecordMirrors.fromEnv(noKey))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "PLEXUS_APPSYNC_API_KEY is required for PLEXUS_APPSYNC_URL (or set"
                + " PLEXUS_APPSYNC_AUTH=iam)");
  }

  private String dashboardTask(String ns) {
    String taskId = UUID.randomUUID().toString();
    AppSyncTaskWriter.open(AppSyncSettings.fromEnv(env(rig.simulator().apiKey())))
        .createTask(taskId, NewTask.of("acct-1", "demo", ns + "/x", "demo --seconds 1"));
    return taskId;
  }

  /** The operator with PLEXUS_TASK_SINK=both against the rig's DynamoDB and simulator. */
  private OperatorHarness bothSinks() {
    Map<String, String> both = new java.util.HashMap<>(env(rig.simulator().apiKey()));
    both.putAll(rig.dynamoSettings().toEnv());
    both.put(TaskSink.ENV, "both");
    return OperatorHarness.start(OperatorConfig.defaults(), TaskRecordMirrors.fromEnv(both));
  }

  private Map<String, String> env(String apiKey) {
    return Map.of(
        TaskSink.ENV,
        "appsync",
        AppSyncSettings.URL,
        rig.simulator().graphqlUrl().toString(),
        AppSyncSettings.API_KEY,
        apiKey);
  }

  private Condition synced(String ns, String name, String status) {
    return eventually()
        .until(
            () -> Conditions.find(harness.status(ns, name).getConditions(), Conditions.SYNCED),
            c -> c.isPresent() && status.equals(c.get().getStatus()))
        .orElseThrow();
  }

  private static JsonNode awaitEvent(AppSyncSubscriber subscriber, Predicate<JsonNode> match) {
    return subscriber.await("onUpdateTask", match, java.time.Duration.ofSeconds(20));
  }
}
