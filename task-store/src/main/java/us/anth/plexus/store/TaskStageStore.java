package us.anth.plexus.store;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import us.anth.plexus.api.Timestamps;

/**
 * TaskStage records: one per task and stage name (stable id), upserted by conditional writes that
 * drop anything not newer than the stored {@code plexusSeq}.
 */
public final class TaskStageStore {
  static final String TYPENAME = "TaskStage";
  static final String SEQ = "plexusSeq";

  private final DynamoDbClient client;
  private final TaskStoreSettings settings;
  private final Clock clock;
  private final ConditionalWriter writer;

  public TaskStageStore(DynamoDbClient client, TaskStoreSettings settings) {
    this(client, settings, Clock.systemUTC());
  }

  public TaskStageStore(DynamoDbClient client, TaskStoreSettings settings, Clock clock) {
    this.client = client;
    this.settings = settings;
    this.clock = clock;
    this.writer = new ConditionalWriter(client);
  }

  /** The stable TaskStage id of a task's stage (a name-based UUID of taskId and stage name). */
  public static String stageId(String taskId, String stageName) {
    return UUID.nameUUIDFromBytes((taskId + "/" + stageName).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** Creates or updates the stage unless a write with a higher sequence is already stored. */
  public WriteResult upsert(StageUpdate stage) {
    RecordUpdate update = fields(stage).setIfNewer(SEQ, stage.sequence());
    return writer.write(
        update.toRequest(settings.stageTable(), stageId(stage.taskId(), stage.name())));
  }

  /**
   * Creates the stage only when no record of it exists (a stage declared up front, written before
   * the runner starts); an existing record is left as it is (SUPERSEDED). No sequence is stored, so
   * the runner's first numbered write applies over it.
   */
  public WriteResult createIfAbsent(StageUpdate stage) {
    RecordUpdate update = fields(stage).when("attribute_not_exists(#id)", "id");
    return writer.write(
        update.toRequest(settings.stageTable(), stageId(stage.taskId(), stage.name())));
  }

  private RecordUpdate fields(StageUpdate stage) {
    return RecordUpdate.stamped(TYPENAME, settings.dataStoreFields(), clock.instant())
        .set("taskId", stage.taskId())
        .set("name", stage.name())
        .set("order", (long) stage.order())
        .set("status", stage.status().name())
        .set("statusMessage", stage.statusMessage())
        .set("startedAt", Timestamps.format(stage.startedAt()))
        .set("completedAt", Timestamps.format(stage.completedAt()))
        .set("estimatedCompletionAt", Timestamps.format(stage.estimatedCompletionAt()))
        .set("processedItems", stage.processedItems())
        .set("totalItems", stage.totalItems());
  }

  /**
   * The task's stages in {@code order} (index {@code taskStagesByTaskId} by default); outages are
   * thrown.
   */
  public List<TaskStageRecord> listStages(String taskId) {
    QueryRequest request =
        TaskTables.queryIndex(
                settings.stageTable(), settings.indexes().stagesByTask(), "taskId", taskId)
            .build();
    try {
      List<TaskStageRecord> stages = new ArrayList<>();
      client
          .queryPaginator(request)
          .items()
          .forEach(item -> stages.add(TaskStageRecord.from(item)));
      stages.sort(Comparator.comparing(s -> s.order() == null ? Long.MAX_VALUE : s.order()));
      return stages;
    } catch (SdkException unavailable) {
      throw TaskQueries.unavailable("list stages of task " + taskId, unavailable);
    }
  }

  /** Deletes every stage of the task; returns how many there were. */
  public int deleteStages(String taskId) {
    List<TaskStageRecord> stages = listStages(taskId);
    try {
      for (TaskStageRecord stage : stages) {
        client.deleteItem(
            b -> b.tableName(settings.stageTable()).key(TaskTables.itemKey(stage.id())));
      }
      return stages.size();
    } catch (SdkException unavailable) {
      throw TaskQueries.unavailable("delete stages of task " + taskId, unavailable);
    }
  }
}
