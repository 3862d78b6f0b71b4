package us.anth.plexus.bridge;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Counts dispatch attempts on the Task record itself ({@value #ATTRIBUTE}, an attribute the
 * dashboard ignores), so the count survives across Lambda instances, crashed deliveries and poller
 * restarts. Only a DISPATCHING record is counted. (task-store has no such counter.)
 */
final class DispatchAttemptCounter {
  static final String ATTRIBUTE = "bridgeDispatchAttempts";

  private final DynamoDbClient client;
  private final String table;

  DispatchAttemptCounter(DynamoDbClient client, String table) {
    this.client = client;
    this.table = table;
  }

  /** Restarts the count at 1 (a fresh claim); 0 when the record is not DISPATCHING. */
  int first(String taskId) {
    return update(taskId, "SET #attempts = :one");
  }

  /** Adds one attempt (a resumed claim); returns the total, 0 when not DISPATCHING. */
  int next(String taskId) {
    return update(taskId, "ADD #attempts :one");
  }

  private int update(String taskId, String expression) {
    try {
      var response =
          client.updateItem(
              r ->
                  r.tableName(table)
                      .key(Map.of("id", AttributeValue.fromS(taskId)))
                      .updateExpression(expression)
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
