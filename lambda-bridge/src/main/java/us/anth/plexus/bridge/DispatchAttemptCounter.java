package us.anth.plexus.bridge;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Counts failed PlexusTask creations on the Task record itself ({@value #ATTRIBUTE}, an attribute
 * the dashboard ignores), so the count survives across Lambda instances and poller restarts and the
 * last allowed attempt can mark the record ERROR instead of leaving it DISPATCHING. The increment
 * only applies while the record is DISPATCHING. (task-store has no such counter.)
 */
final class DispatchAttemptCounter {
  static final String ATTRIBUTE = "bridgeDispatchAttempts";

  private final DynamoDbClient client;
  private final String table;

  DispatchAttemptCounter(DynamoDbClient client, String table) {
    this.client = client;
    this.table = table;
  }

  /** Adds one failed attempt; returns the total, or 0 when the record is not DISPATCHING. */
  int increment(String taskId) {
    try {
      var response =
          client.updateItem(
              r ->
                  r.tableName(table)
                      .key(Map.of("id", AttributeValue.fromS(taskId)))
                      .updateExpression("ADD #attempts :one")
                      .conditionExpression("#dispatch = :dispatching")
                      .expressionAttributeNames(
                          Map.of("#attempts", ATTRIBUTE, "#dispatch", "dispatchStatus"))
                      .expressionAttributeValues(
                          Map.of(
                              ":one", AttributeValue.fromN("1"),
                              ":dispatching", AttributeValue.fromS("DISPATCHING")))
                      .returnValues(ReturnValue.UPDATED_NEW));
      return Integer.parseInt(response.attributes().get(ATTRIBUTE).n());
    } catch (ConditionalCheckFailedException notDispatching) {
      return 0;
    }
  }
}
