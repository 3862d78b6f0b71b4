package us.anth.plexus.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static us.anth.plexus.operator.testing.OperatorHarness.eventually;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Map;
import java.util.UUID;
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
import us.anth.plexus.operator.testing.CountingProxy;
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
    DashboardTask task = dashboardTaskIn(harness);
    JobControllerSimulator jobs = new JobControllerSimulator(harness.client());
    try (AppSyncSubscriber subscriber = rig.subscriber()) {
      subscriber.subscribe(
          "subscription { onUpdateTask { id status dispatchStatus workerNodeId startedAt"
              + " completedAt } }");
      Job job = task.dispatch(harness, "live");
      String pod = jobs.start(job);
      JsonNode running = awaitEvent(subscriber, task.taskId(), "RUNNING");
      assertThat(running.path("workerNodeId").asText()).isEqualTo(pod);
      assertThat(running.path("dispatchStatus").asText()).isEqualTo("DISPATCHED");

      jobs.complete(job);
      JsonNode completed = awaitEvent(subscriber, task.taskId(), "COMPLETED");
      assertThat(completed.path("completedAt").asText()).isNotBlank();
    }
    assertThat(synced(harness, task.ns(), "live", "True").getReason()).isEqualTo("Mirrored");
    assertThat(recordStatus(task.taskId())).isEqualTo("COMPLETED");
  }

  @Test
  void sinkBothWritesDynamoFieldsAndFiresSubscriptions() throws Exception {
    try (OperatorHarness combined = bothSinks();
        AppSyncSubscriber subscriber = rig.subscriber()) {
      subscriber.subscribe("subscription { onUpdateTask { id status metadata } }");
      DashboardTask task = dashboardTaskIn(combined);
      new JobControllerSimulator(combined.client()).start(task.dispatch(combined, "both"));
      JsonNode running = awaitEvent(subscriber, task.taskId(), "RUNNING");
      // The DynamoDB half wrote the audit history just before the mutation: the dashboard's
      // subscription event carries it.
      JsonNode history =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(running.path("metadata").asText())
              .path("kubernetes")
              .path("history");
      assertThat(history.findValuesAsText("kind")).contains("Created", "Routed", "Started");
      var record =
          eventually()
              .until(
                  () -> records().find(task.taskId()).orElseThrow(),
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
  void declaredStagesArriveAsPendingOnCreateTaskStageEventsBeforeTheJob() {
    DashboardTask task = dashboardTaskIn(harness);
    try (AppSyncSubscriber subscriber = rig.subscriber()) {
      subscriber.subscribe(
          "subscription { onCreateTaskStage { id taskId name order status totalItems } }");
      harness.createTask(
          task.named("declared")
              .stages(
                  new us.anth.plexus.api.StageDeclaration("Setup", 1, null),
                  new us.anth.plexus.api.StageDeclaration("Processing", 2, 7L))
              .buildNew());
      for (String name : java.util.List.of("Setup", "Processing")) {
        JsonNode created =
            subscriber.await(
                "onCreateTaskStage",
                e ->
                    task.taskId().equals(e.path("taskId").asText())
                        && name.equals(e.path("name").asText()),
                java.time.Duration.ofSeconds(20));
        assertThat(created.path("status").asText()).isEqualTo("PENDING");
      }
      eventually().until(() -> harness.jobOf(task.ns(), "declared"), j -> j != null);
      assertThat(harness.status(task.ns(), "declared").getStages())
          .extracting(s -> s.getName() + ":" + s.getStatus())
          .containsExactly("Setup:PENDING", "Processing:PENDING");
    }
  }

  @Test
  void aBadKeyGivesSyncedFalseWithAppSyncsMessage() {
    try (OperatorHarness badKey =
        OperatorHarness.start(
            OperatorConfig.defaults(), TaskRecordMirrors.fromEnv(env("da2-revoked")))) {
      DashboardTask task = dashboardTaskIn(badKey);
      badKey.createTask(task.named("denied").buildNew());

      Condition synced = synced(badKey, task.ns(), "denied", "False");
      assertThat(synced.getReason()).isEqualTo("MirrorFailed");
      assertThat(synced.getMessage()).contains("UnauthorizedException");
    }
  }

  /**
   * A refused write is not a retry storm: one request per mirror attempt (GraphQL errors are not
   * retried by the client) and the operator rechecks every 5 s, so a task with a revoked key costs
   * a handful of requests over 12 s, and Synced=False keeps AppSync's own message.
   */
  @Test
  void aRefusedWriteIsRetriedEveryFiveSecondsNotInAStorm() throws Exception {
    try (CountingProxy proxy = CountingProxy.to(rig.simulator().graphqlUrl());
        OperatorHarness revoked =
            OperatorHarness.start(
                OperatorConfig.defaults(),
                TaskRecordMirrors.fromEnv(
                    Map.of(
                        TaskSink.ENV,
                        "appsync",
                        AppSyncSettings.URL,
                        proxy.url().toString(),
                        AppSyncSettings.API_KEY,
                        "da2-revoked")))) {
      DashboardTask task = dashboardTaskIn(revoked);
      revoked.createTask(task.named("storm").buildNew());
      synced(revoked, task.ns(), "storm", "False");
      int atFirstFailure = proxy.requests();
      Thread.sleep(12_000);
      int later = proxy.requests() - atFirstFailure;
      assertThat(later).as("requests in the 12 s after the first refusal").isBetween(1, 8);
      assertThat(synced(revoked, task.ns(), "storm", "False").getMessage())
          .contains("UnauthorizedException");
    }
  }

  /**
   * A condition failure that is a conflict — the command's own tracker wrote FAILED through the
   * Plexus API, the operator sees the Job complete — is Synced=False with AppSync's message and the
   * stored status; the record keeps the command's FAILED.
   */
  @Test
  void aConflictingFinalStatusGivesSyncedFalseWithAppSyncsMessage() {
    DashboardTask task = dashboardTaskIn(harness);
    Job job = task.dispatch(harness, "conflict");
    JobControllerSimulator jobs = new JobControllerSimulator(harness.client());
    jobs.start(job);
    synced(harness, task.ns(), "conflict", "True");
    AppSyncTaskWriter.open(AppSyncSettings.fromEnv(env(rig.simulator().apiKey())))
        .updatePhase(
            task.taskId(),
            us.anth.plexus.store.TaskPhaseUpdate.to(us.anth.plexus.store.TaskStatus.FAILED));

    jobs.complete(job);

    Condition synced = synced(harness, task.ns(), "conflict", "False");
    assertThat(synced.getReason()).isEqualTo("MirrorFailed");
    assertThat(synced.getMessage())
        .contains("ConditionalCheckFailedException", "the record's status is already FAILED");
    assertThat(recordStatus(task.taskId())).isEqualTo("FAILED");
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

  /** A Task record the dashboard created (through AppSync) for a target of namespace {@code ns}. */
  private record DashboardTask(String ns, String taskId) {
    /** The PlexusTask {@code name} that runs this record, in {@code ns}, to be built. */
    TestTasks named(String name) {
      return TestTasks.builder().namespace(ns).name(name).target(ns + "/x").taskId(taskId);
    }

    /** Creates the PlexusTask {@code name} on {@code operator} and waits for its Job. */
    Job dispatch(OperatorHarness operator, String name) {
      operator.createTask(named(name).buildNew());
      return eventually().until(() -> operator.jobOf(ns, name), j -> j != null);
    }
  }

  /** A new namespace of {@code operator} with a pool for its targets, and a dashboard record. */
  private DashboardTask dashboardTaskIn(OperatorHarness operator) {
    String ns = operator.newNamespace();
    operator.createPool(TestPools.pool(ns + "-p", ns + "/*"));
    String taskId = UUID.randomUUID().toString();
    AppSyncTaskWriter.open(AppSyncSettings.fromEnv(env(rig.simulator().apiKey())))
        .createTask(taskId, NewTask.of("acct-1", "demo", ns + "/x", "demo --seconds 1"));
    return new DashboardTask(ns, taskId);
  }

  private TaskRecordStore records() {
    return new TaskRecordStore(rig.dynamo().client(), rig.dynamoSettings());
  }

  private String recordStatus(String taskId) {
    return records().find(taskId).orElseThrow().status();
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

  private static Condition synced(OperatorHarness operator, String ns, String name, String status) {
    return eventually()
        .until(
            () -> Conditions.find(operator.status(ns, name).getConditions(), Conditions.SYNCED),
            c -> c.isPresent() && status.equals(c.get().getStatus()))
        .orElseThrow();
  }

  /** The onUpdateTask event that reports {@code status} for {@code taskId}. */
  private static JsonNode awaitEvent(AppSyncSubscriber subscriber, String taskId, String status) {
    return subscriber.await(
        "onUpdateTask",
        e -> taskId.equals(e.path("id").asText()) && status.equals(e.path("status").asText()),
        java.time.Duration.ofSeconds(20));
  }
}
