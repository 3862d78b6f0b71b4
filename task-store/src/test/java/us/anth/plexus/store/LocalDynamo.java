package us.anth.plexus.store;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Test fixture: one in-process DynamoDB Local per test JVM, and a fresh pair of randomly named
 * tables (with stores bound to them) per call to {@link #tables}.
 */
final class LocalDynamo {
  private static AmazonDynamoDBLocal local;

  private LocalDynamo() {}

  static synchronized DynamoDbClient client() {
    if (local == null) {
      local = DynamoDBEmbedded.create();
      Runtime.getRuntime().addShutdownHook(new Thread(local::shutdown));
    }
    return local.dynamoDbClient();
  }

  /** Fresh tables named Task-&lt;random&gt; and TaskStage-&lt;random&gt;. */
  static Tables tables(boolean dataStoreFields, Clock clock) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    TaskStoreSettings settings =
        TaskStoreSettings.defaults()
            .withEndpoint("")
            .withTables("Task-" + suffix, "TaskStage-" + suffix)
            .withDataStoreFields(dataStoreFields);
    DynamoDbClient client = client();
    TaskTables.create(client, settings, false);
    return new Tables(
        client,
        settings,
        new TaskRecordStore(client, settings, clock),
        new TaskStageStore(client, settings, clock));
  }

  static Tables tables(boolean dataStoreFields) {
    return tables(dataStoreFields, Clock.systemUTC());
  }

  /** A table pair and stores bound to it. */
  record Tables(
      DynamoDbClient client,
      TaskStoreSettings settings,
      TaskRecordStore tasks,
      TaskStageStore stages) {

    /** Writes a Task the way the dashboard does (plain put, no Plexus bookkeeping). */
    String dashboardTask(String accountId, String metadataJson) {
      String id = UUID.randomUUID().toString();
      Map<String, AttributeValue> item = new HashMap<>();
      item.put("id", AttributeValue.fromS(id));
      item.put("accountId", AttributeValue.fromS(accountId));
      item.put("type", AttributeValue.fromS("evaluation"));
      item.put("target", AttributeValue.fromS("evaluation/accuracy"));
      item.put("command", AttributeValue.fromS("plexus-runner demo --seconds 1"));
      item.put("status", AttributeValue.fromS("PENDING"));
      item.put("dispatchStatus", AttributeValue.fromS("PENDING"));
      item.put("updatedAt", AttributeValue.fromS("2026-01-01T00:00:00.000Z"));
      item.put("createdAt", AttributeValue.fromS("2026-01-01T00:00:00.000Z"));
      if (metadataJson != null) {
        item.put("metadata", AttributeValue.fromS(metadataJson));
      }
      client.putItem(b -> b.tableName(settings.taskTable()).item(item));
      return id;
    }

    /** Sets one attribute of a Task behind the stores' back, as another writer would. */
    void setTaskAttribute(String id, String attribute, AttributeValue value) {
      client.updateItem(
          b ->
              b.tableName(settings.taskTable())
                  .key(TaskTables.itemKey(id))
                  .updateExpression("SET #attribute = :value")
                  .expressionAttributeNames(Map.of("#attribute", attribute))
                  .expressionAttributeValues(Map.of(":value", value)));
    }

    TaskRecord task(String id) {
      return tasks.find(id).orElseThrow();
    }
  }
}
