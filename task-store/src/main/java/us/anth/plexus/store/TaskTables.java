package us.anth.plexus.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Creates the Task and TaskStage tables with the dashboard's key schema: Task by {@code id} with
 * indexes on accountId+updatedAt, scorecardId+updatedAt and scoreId; TaskStage by {@code id} with
 * an index on taskId. Used for DynamoDB Local and fresh environments; Amplify owns production. The
 * stores address items and indexes through {@link #itemKey} and {@link #queryIndex}.
 */
public final class TaskTables {
  private static final String ID = "id";

  private TaskTables() {}

  /** Creates both tables (idempotent: existing tables are kept) and waits until they exist. */
  public static void create(
      DynamoDbClient client, TaskStoreSettings settings, boolean withStreams) {
    createTable(
        client,
        settings.taskTable(),
        withStreams,
        List.of("id", "accountId", "scorecardId", "scoreId", "updatedAt"),
        List.of(
            index(settings.indexes().byAccount(), "accountId", "updatedAt"),
            index(settings.indexes().byScorecard(), "scorecardId", "updatedAt"),
            index(settings.indexes().byScore(), "scoreId", null)));
    createTable(
        client,
        settings.stageTable(),
        withStreams,
        List.of("id", "taskId"),
        List.of(index(settings.indexes().stagesByTask(), "taskId", null)));
  }

  /** The primary key of the Task or TaskStage item {@code id}. */
  static Map<String, AttributeValue> itemKey(String id) {
    return Map.of(ID, AttributeValue.fromS(id));
  }

  /** A query of {@code index} for the items whose hash key {@code attribute} is {@code value}. */
  static QueryRequest.Builder queryIndex(
      String table, String index, String attribute, String value) {
    return QueryRequest.builder()
        .tableName(table)
        .indexName(index)
        .keyConditionExpression(attribute + " = :key")
        .expressionAttributeValues(Map.of(":key", AttributeValue.fromS(value)));
  }

  private static void createTable(
      DynamoDbClient client,
      String table,
      boolean withStreams,
      List<String> stringAttributes,
      List<GlobalSecondaryIndex> indexes) {
    List<AttributeDefinition> definitions = new ArrayList<>();
    for (String attribute : stringAttributes) {
      definitions.add(
          AttributeDefinition.builder()
              .attributeName(attribute)
              .attributeType(ScalarAttributeType.S)
              .build());
    }
    CreateTableRequest.Builder request =
        CreateTableRequest.builder()
            .tableName(table)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(definitions)
            .keySchema(key(ID, KeyType.HASH))
            .globalSecondaryIndexes(indexes);
    if (withStreams) {
      request.streamSpecification(
          StreamSpecification.builder()
              .streamEnabled(true)
              .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)
              .build());
    }
    try {
      client.createTable(request.build());
    } catch (ResourceInUseException alreadyThere) {
      // Idempotent: the table exists (possibly still being created); wait below.
    }
    client.waiter().waitUntilTableExists(b -> b.tableName(table));
  }

  private static GlobalSecondaryIndex index(String name, String hashKey, String rangeKey) {
    List<KeySchemaElement> keys = new ArrayList<>(List.of(key(hashKey, KeyType.HASH)));
    if (rangeKey != null) {
      keys.add(key(rangeKey, KeyType.RANGE));
    }
    return GlobalSecondaryIndex.builder()
        .indexName(name)
        .keySchema(keys)
        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
        .build();
  }

  private static KeySchemaElement key(String attribute, KeyType type) {
    return KeySchemaElement.builder().attributeName(attribute).keyType(type).build();
  }
}
