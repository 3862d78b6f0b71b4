package us.anth.plexus.store;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A TaskStage record as stored (timestamps as ISO-8601 text; DataStore fields may be null). */
public record TaskStageRecord(
    String id,
    String taskId,
    String name,
    Long order,
    String status,
    String statusMessage,
    String startedAt,
    String completedAt,
    String estimatedCompletionAt,
    Long processedItems,
    Long totalItems,
    String createdAt,
    String updatedAt,
    String typename,
    Long version,
    Long lastChangedAt,
    Boolean deleted) {

  /** Maps a raw item; unknown attributes are ignored. */
  public static TaskStageRecord from(Map<String, AttributeValue> item) {
    ItemReader r = new ItemReader(item);
    return new TaskStageRecord(
        r.s("id"),
        r.s("taskId"),
        r.s("name"),
        r.n("order"),
        r.s("status"),
        r.s("statusMessage"),
        r.s("startedAt"),
        r.s("completedAt"),
        r.s("estimatedCompletionAt"),
        r.n("processedItems"),
        r.n("totalItems"),
        r.s("createdAt"),
        r.s("updatedAt"),
        r.s("__typename"),
        r.n("_version"),
        r.n("_lastChangedAt"),
        r.bool("_deleted"));
  }
}
