package us.anth.plexus.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The fields of a DynamoDB Task image that dispatch reads. */
public record TaskItem(
    String id,
    String accountId,
    String type,
    String status,
    String dispatchStatus,
    String target,
    String command,
    String description,
    JsonNode metadata,
    String scorecardId,
    String scoreId) {

  /** Reads a Task image; absent or non-string attributes become null. */
  public static TaskItem from(Map<String, AttributeValue> image) {
    return new TaskItem(
        text(image, "id"),
        text(image, "accountId"),
        text(image, "type"),
        text(image, "status"),
        text(image, "dispatchStatus"),
        text(image, "target"),
        text(image, "command"),
        text(image, "description"),
        MetadataJson.read(image.get("metadata")),
        text(image, "scorecardId"),
        text(image, "scoreId"));
  }

  /** {@code metadata.dispatch_mode}, or null. */
  public String dispatchMode() {
    if (metadata == null || !metadata.isObject()) {
      return null;
    }
    JsonNode mode = metadata.get("dispatch_mode");
    return mode == null || mode.isNull() ? null : mode.asText();
  }

  private static String text(Map<String, AttributeValue> image, String name) {
    AttributeValue value = image.get(name);
    return value == null ? null : value.s();
  }
}
