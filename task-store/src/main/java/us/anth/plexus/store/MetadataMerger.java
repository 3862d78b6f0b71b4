package us.anth.plexus.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Puts one key into a Task's {@code metadata} JSON in the same conditional write as other fields,
 * without losing concurrent changes: a JSON-string metadata is compare-and-set against the value
 * read (retried on the value the failed write returned, after a short jittered pause, when someone
 * else changed it); a map metadata gets a nested SET; a missing one is written as a map, the form
 * AppSync stores.
 */
final class MetadataMerger {
  private static final int ATTEMPTS = 20;

  private final DynamoDbClient client;
  private final String table;

  MetadataMerger(DynamoDbClient client, String table) {
    this.client = client;
    this.table = table;
  }

  /**
   * Applies {@code base} (fresh for each attempt) plus {@code metadata[key] = value}. Throws
   * SdkException when DynamoDB is unavailable; the caller classifies it.
   */
  WriteResult write(String id, Supplier<RecordUpdate> base, String key, Map<String, ?> value) {
    Map<String, AttributeValue> current =
        client
            .getItem(b -> b.tableName(table).key(TaskTables.itemKey(id)).consistentRead(true))
            .item();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (current == null || current.isEmpty()) {
        return WriteResult.NOT_FOUND;
      }
      AttributeValue metadata = current.get("metadata");
      UpdateItemRequest request =
          withMetadata(base.get(), metadata, key, value).toRequest(table, id);
      try {
        client.updateItem(request);
        return WriteResult.APPLIED;
      } catch (ConditionalCheckFailedException failed) {
        Map<String, AttributeValue> old = failed.hasItem() ? failed.item() : Map.of();
        if (old.isEmpty()) {
          return WriteResult.NOT_FOUND;
        }
        if (Objects.equals(old.get("metadata"), metadata)) {
          return WriteResult.SUPERSEDED;
        }
        current = old;
        pause(attempt);
      }
    }
    return WriteResult.unavailable("metadata of task " + id + " kept changing; not merged");
  }

  /** Jittered, growing pause so that two writers merging at once stop colliding. */
  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * (attempt + 2)));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static RecordUpdate withMetadata(
      RecordUpdate update, AttributeValue metadata, String key, Map<String, ?> value) {
    if (metadata != null && metadata.hasM()) {
      return update
          .setNested("metadata", key, AttributeJson.map(value))
          .when("attribute_type(#metadata, :g_mapType)", "metadata")
          .bind(":g_mapType", AttributeValue.fromS("M"));
    }
    String oldText = metadata == null ? null : metadata.s();
    ObjectNode merged = AttributeJson.parseObject(oldText);
    if (merged == null) {
      return update; // metadata is not a JSON object: leave it as the dashboard wrote it
    }
    merged.set(key, AttributeJson.MAPPER.valueToTree(value));
    if (oldText == null) {
      return update
          .setJson("metadata", merged.toString())
          .when("attribute_not_exists(#metadata)", "metadata");
    }
    update.set("metadata", merged.toString());
    return update
        .when("#metadata = :g_oldMetadata", "metadata")
        .bind(":g_oldMetadata", AttributeValue.fromS(oldText));
  }
}
