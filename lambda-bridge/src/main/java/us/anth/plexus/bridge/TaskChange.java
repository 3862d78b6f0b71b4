package us.anth.plexus.bridge;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * One change to a Task item as a stream delivers it: the event name and the old and new images
 * (either may be empty), whatever front end read it.
 */
public record TaskChange(
    String eventName, Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {

  public TaskChange {
    oldImage = oldImage == null ? Map.of() : Map.copyOf(oldImage);
    newImage = newImage == null ? Map.of() : Map.copyOf(newImage);
  }

  /** The change carried by a DynamoDB Streams API record. */
  public static TaskChange of(Record record) {
    return new TaskChange(
        record.eventNameAsString(), record.dynamodb().oldImage(), record.dynamodb().newImage());
  }

  /** The Task as it is after the change. */
  public TaskItem newItem() {
    return TaskItem.from(newImage);
  }

  /** The Task as it was before the change; null for an INSERT. */
  public TaskItem oldItem() {
    return oldImage.isEmpty() ? null : TaskItem.from(oldImage);
  }
}
