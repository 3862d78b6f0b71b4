package us.anth.plexus.devkit.appsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import us.anth.plexus.store.NewTask;
import us.anth.plexus.store.StageUpdate;
import us.anth.plexus.store.TaskPhaseUpdate;
import us.anth.plexus.store.TaskRecord;
import us.anth.plexus.store.TaskRecordStore;
import us.anth.plexus.store.TaskRunnerUpdate;
import us.anth.plexus.store.TaskStageStore;
import us.anth.plexus.store.TaskStatus;
import us.anth.plexus.store.WriteResult;
import us.anth.plexus.store.WriteResult.Outcome;
import us.anth.plexus.store.appsync.AppSyncSettings;
import us.anth.plexus.store.appsync.AppSyncTaskWriter;

/**
 * The AppSync writer against Amplify's resolvers in the simulator: each write arrives as the
 * subscription event the dashboard follows, the {@code condition} arguments keep records from
 * moving backwards, and GraphQL errors come back in AppSync's own words.
 */
class AppSyncTaskWriterIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration EVENT_WAIT = Duration.ofSeconds(20);
  private static AppSyncRig rig;
  private static AppSyncTaskWriter writer;

  @BeforeAll
  static void start() {
    try {
      rig = AppSyncRig.start();
    } catch (SimulatorUnavailableException e) {
      Assumptions.abort("AppSync simulator unavailable: " + e.getMessage());
    }
    writer = AppSyncTaskWriter.open(settings(rig.simulator().apiKey()));
  }

  @AfterAll
  static void stop() {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void everyOperatorAndRunnerWriteArrivesAsASubscriptionEvent() {
    String id = newTask();
    String stageId = TaskStageStore.stageId(id, "Processing");
    try (AppSyncSubscriber subscriber = rig.subscriber()) {
      subscriber.subscribe("subscription { onUpdateTask { id status currentStageId stdout } }");
      subscriber.subscribe("subscription { onCreateTaskStage { id taskId name status } }");
      subscriber.subscribe(
          "subscription { onUpdateTaskStage { id status processedItems totalItems } }");

      assertThat(writer.updatePhase(id, TaskPhaseUpdate.to(TaskStatus.RUNNING)).outcome())
          .isEqualTo(Outcome.APPLIED);
      StageUpdate stage = StageUpdate.of(id, "Processing", 1, TaskStatus.RUNNING, 1);
      assertThat(writer.upsertStage(stage.items(0L, 10L)).outcome()).isEqualTo(Outcome.APPLIED);
      assertThat(writer.upsertStage(stage.items(5L, 10L)).outcome()).isEqualTo(Outcome.APPLIED);
      assertThat(
              writer.updateRunnerState(id, TaskRunnerUpdate.progress(1, stageId, null)).outcome())
          .isEqualTo(Outcome.APPLIED);
      StageUpdate done = StageUpdate.of(id, "Processing", 1, TaskStatus.COMPLETED, 2);
      assertThat(writer.upsertStage(done.items(10L, 10L)).outcome()).isEqualTo(Outcome.APPLIED);
      assertThat(
              writer
                  .updateRunnerState(id, TaskRunnerUpdate.finish(2, "all done\n", "", null, null))
                  .outcome())
          .isEqualTo(Outcome.APPLIED);
      TaskPhaseUpdate completed =
          TaskPhaseUpdate.to(TaskStatus.COMPLETED).completedAt(Instant.now());
      assertThat(writer.updatePhase(id, completed).outcome()).isEqualTo(Outcome.APPLIED);

      awaitEvent(subscriber, "onUpdateTask", e -> isTask(e, id) && status(e, "RUNNING"));
      awaitEvent(subscriber, "onCreateTaskStage", e -> stageId.equals(e.path("id").asText()));
      awaitEvent(
          subscriber,
          "onUpdateTaskStage",
          e -> stageId.equals(e.path("id").asText()) && e.path("processedItems").asInt() == 5);
      awaitEvent(
          subscriber,
          "onUpdateTask",
          e -> isTask(e, id) && stageId.equals(e.path("currentStageId").asText()));
      awaitEvent(
          subscriber,
          "onUpdateTaskStage",
          e -> stageId.equals(e.path("id").asText()) && status(e, "COMPLETED"));
      awaitEvent(
          subscriber,
          "onUpdateTask",
          e -> isTask(e, id) && "all done\n".equals(e.path("stdout").asText()));
      awaitEvent(subscriber, "onUpdateTask", e -> isTask(e, id) && status(e, "COMPLETED"));
    }
  }

  @Test
  void conditionsKeepRecordsFromMovingBackwards() {
    String id = newTask();
    writer.updatePhase(id, TaskPhaseUpdate.to(TaskStatus.COMPLETED));

    assertThat(writer.updatePhase(id, TaskPhaseUpdate.to(TaskStatus.RUNNING)).outcome())
        .isEqualTo(Outcome.SUPERSEDED);
    WriteResult conflict = writer.updatePhase(id, TaskPhaseUpdate.to(TaskStatus.FAILED));
    assertThat(conflict.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(conflict.error())
        .contains("DynamoDB:ConditionalCheckFailedException")
        .contains("COMPLETED");
    assertThat(
            writer
                .updateRunnerState(id, TaskRunnerUpdate.progress(9, "late-stage", null))
                .outcome())
        .isEqualTo(Outcome.SUPERSEDED);
    assertThat(record(id).status()).isEqualTo("COMPLETED");
    assertThat(record(id).currentStageId()).isNull();

    StageUpdate stage = StageUpdate.of(id, "Scoring", 1, TaskStatus.RUNNING, 1);
    writer.upsertStage(stage.items(9L, 10L));
    assertThat(writer.upsertStage(stage.items(7L, 10L)).outcome()).isEqualTo(Outcome.SUPERSEDED);
    writer.upsertStage(StageUpdate.of(id, "Scoring", 1, TaskStatus.COMPLETED, 2));
    assertThat(writer.upsertStage(stage.items(10L, 10L)).outcome()).isEqualTo(Outcome.SUPERSEDED);

    assertThat(writer.updatePhase("no-such-task", TaskPhaseUpdate.to(TaskStatus.RUNNING)).outcome())
        .isEqualTo(Outcome.NOT_FOUND);
  }

  @Test
  void graphQlErrorsComeBackInAppSyncsWords() {
    String id = newTask();
    WriteResult badKey =
        AppSyncTaskWriter.open(settings("da2-wrong-key"))
            .updatePhase(id, TaskPhaseUpdate.to(TaskStatus.RUNNING));
    assertThat(badKey.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(badKey.error()).contains("UnauthorizedException");

    WriteResult invalid =
        writer.updatePhase(id, TaskPhaseUpdate.to(TaskStatus.FAILED).error("boom", "{not json"));
    assertThat(invalid.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(invalid.error()).contains("AWSJSON");
    assertThat(record(id).status()).isEqualTo("PENDING");
  }

  @Test
  void awsJsonFieldsAreStoredAsMapsAndReadBackAsJson() throws Exception {
    String id = newTask();
    writer.updatePhase(
        id,
        TaskPhaseUpdate.to(TaskStatus.FAILED)
            .error("exit 3", "{\"exitCode\":3,\"phase\":\"Failed\"}"));
    var item =
        rig.dynamo()
            .client()
            .getItem(
                b ->
                    b.tableName(rig.simulator().taskTable())
                        .key(
                            Map.of(
                                "id",
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                    id))))
            .item();
    assertThat(item.get("metadata").hasM()).isTrue();
    assertThat(item.get("errorDetails").hasM()).isTrue();
    TaskRecord read = record(id);
    assertThat(JSON.readTree(read.metadata()).path("source").asText()).isEqualTo("rig");
    assertThat(JSON.readTree(read.errorDetails()).path("exitCode").asInt()).isEqualTo(3);
  }

  private static String newTask() {
    String id = UUID.randomUUID().toString();
    NewTask task =
        new NewTask(
            "acct-1",
            "evaluation",
            "evaluation/accuracy/My Scorecard",
            "plexus evaluate accuracy",
            null,
            "{\"source\":\"rig\"}",
            null,
            null);
    assertThat(writer.createTask(id, task).outcome()).isEqualTo(Outcome.APPLIED);
    return id;
  }

  private static TaskRecord record(String id) {
    return new TaskRecordStore(rig.dynamo().client(), rig.dynamoSettings()).find(id).orElseThrow();
  }

  private static AppSyncSettings settings(String apiKey) {
    URI url = rig.simulator().graphqlUrl();
    return AppSyncSettings.fromEnv(
        Map.of(AppSyncSettings.URL, url.toString(), AppSyncSettings.API_KEY, apiKey));
  }

  private static void awaitEvent(
      AppSyncSubscriber subscriber, String field, Predicate<JsonNode> match) {
    subscriber.await(field, match, EVENT_WAIT);
  }

  private static boolean isTask(JsonNode event, String id) {
    return id.equals(event.path("id").asText());
  }

  private static boolean status(JsonNode event, String status) {
    return status.equals(event.path("status").asText());
  }
}
