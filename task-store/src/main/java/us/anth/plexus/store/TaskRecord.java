package us.anth.plexus.store;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A Task record as stored (timestamps as the ISO-8601 text the dashboard reads; JSON fields as
 * text). DataStore fields are null when the table does not carry them.
 */
public record TaskRecord(
    String id,
    String accountId,
    String type,
    String status,
    String target,
    String command,
    String description,
    String dispatchStatus,
    String metadata,
    String errorMessage,
    String errorDetails,
    String stdout,
    String stderr,
    String output,
    String error,
    String currentStageId,
    String scorecardId,
    String scoreId,
    String workerNodeId,
    List<String> attachedFiles,
    String createdAt,
    String startedAt,
    String completedAt,
    String estimatedCompletionAt,
    String updatedAt,
    String typename,
    Long version,
    Long lastChangedAt,
    Boolean deleted) {

  /** Maps a raw item; unknown attributes are ignored. */
  public static TaskRecord from(Map<String, AttributeValue> item) {
    ItemReader r = new ItemReader(item);
    return new TaskRecord(
        r.s("id"),
        r.s("accountId"),
        r.s("type"),
        r.s("status"),
        r.s("target"),
        r.s("command"),
        r.s("description"),
        r.s("dispatchStatus"),
        AttributeJson.text(item.get("metadata")),
        r.s("errorMessage"),
        AttributeJson.text(item.get("errorDetails")),
        r.s("stdout"),
        r.s("stderr"),
        r.s("output"),
        r.s("error"),
        r.s("currentStageId"),
        r.s("scorecardId"),
        r.s("scoreId"),
        r.s("workerNodeId"),
        r.strings("attachedFiles"),
        r.s("createdAt"),
        r.s("startedAt"),
        r.s("completedAt"),
        r.s("estimatedCompletionAt"),
        r.s("updatedAt"),
        r.s("__typename"),
        r.n("_version"),
        r.n("_lastChangedAt"),
        r.bool("_deleted"));
  }
}
