package us.anth.plexus.runner;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import us.anth.plexus.store.DynamoClients;
import us.anth.plexus.store.TaskStoreSettings;

/**
 * What a real {@code plexus} command does with its Task (plexus/cli/shared: the task progress
 * tracker): it takes the Task id from {@code --task-id} or {@code PLEXUS_DISPATCH_TASK_ID}, creates
 * all its stages up front as PENDING, then moves them and the Task's status on as it works. The
 * real CLI writes through the Plexus GraphQL API; until an AppSync rig exists here, this stand-in
 * writes the same items straight to DynamoDB (PLEXUS_API_URL is the DynamoDB endpoint), with none
 * of this project's bookkeeping attributes, as AppSync would (test fixture).
 */
public final class StandInPlexus {
  private static final List<String> STAGES = List.of("Setup", "Processing", "Finalizing");
  private static final long ITEMS = 3;

  private final DynamoDbClient client;
  private final TaskStoreSettings tables;
  private final String taskId;
  private final Map<String, String> stageIds = new HashMap<>();

  private StandInPlexus(DynamoDbClient client, TaskStoreSettings tables, String taskId) {
    this.client = client;
    this.tables = tables;
    this.taskId = taskId;
  }

  public static void main(String[] args) throws Exception {
    List<String> words = List.of(args);
    String fromEnv = System.getenv(PlexusAttach.DISPATCH_TASK_ID_ENV);
    String taskId = PlexusAttach.taskIdSeenBy(words, System.getenv()).orElse(null);
    if (taskId == null || System.getenv("PLEXUS_API_KEY") == null) {
      System.err.println("stand-in plexus: no task id or no PLEXUS_API_KEY");
      System.exit(2);
    }
    System.out.println(
        "plexus " + String.join(" ", words) + " | task " + taskId + " | env " + fromEnv);
    TaskStoreSettings tables =
        TaskStoreSettings.fromEnv(System.getenv()).withEndpoint(System.getenv("PLEXUS_API_URL"));
    try (DynamoDbClient client = DynamoClients.create(tables)) {
      new StandInPlexus(client, tables, taskId).run();
    }
  }

  private void run() throws InterruptedException {
    for (int i = 0; i < STAGES.size(); i++) {
      createStage(STAGES.get(i), i + 1);
    }
    updateTask(Map.of("status", s("RUNNING"), "startedAt", s(now())));
    updateStage("Setup", Map.of("status", s("RUNNING"), "statusMessage", s("Setting up...")));
    updateStage("Setup", Map.of("status", s("COMPLETED")));
    for (long done = 0; done <= ITEMS; done++) {
      updateStage(
          "Processing",
          Map.of(
              "status", s("RUNNING"),
              "processedItems", n(done),
              "totalItems", n(ITEMS),
              "statusMessage", s("Processed " + done + " of " + ITEMS)));
      Thread.sleep(700);
    }
    updateStage("Processing", Map.of("status", s("COMPLETED")));
    updateStage("Finalizing", Map.of("status", s("RUNNING")));
    updateStage("Finalizing", Map.of("status", s("COMPLETED")));
    updateTask(Map.of("status", s("COMPLETED"), "completedAt", s(now())));
    System.out.println("stand-in plexus: done");
  }

  private void createStage(String name, int order) {
    String id = UUID.randomUUID().toString();
    stageIds.put(name, id);
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("id", s(id));
    item.put("taskId", s(taskId));
    item.put("name", s(name));
    item.put("order", n(order));
    item.put("status", s("PENDING"));
    item.put("__typename", s("TaskStage"));
    item.put("createdAt", s(now()));
    item.put("updatedAt", s(now()));
    client.putItem(r -> r.tableName(tables.stageTable()).item(item));
  }

  private void updateStage(String name, Map<String, AttributeValue> values) {
    update(tables.stageTable(), stageIds.get(name), values);
  }

  private void updateTask(Map<String, AttributeValue> values) {
    update(tables.taskTable(), taskId, values);
  }

  private void update(String table, String id, Map<String, AttributeValue> values) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> placeholders = new HashMap<>();
    StringBuilder expression = new StringBuilder("SET #updatedAt = :updatedAt");
    names.put("#updatedAt", "updatedAt");
    placeholders.put(":updatedAt", s(now()));
    values.forEach(
        (attribute, value) -> {
          names.put("#" + attribute, attribute);
          placeholders.put(":" + attribute, value);
          expression.append(", #").append(attribute).append(" = :").append(attribute);
        });
    client.updateItem(
        r ->
            r.tableName(table)
                .key(Map.of("id", s(id)))
                .updateExpression(expression.toString())
                .expressionAttributeNames(names)
                .expressionAttributeValues(placeholders));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  private static String now() {
    return Instant.now().toString();
  }
}
