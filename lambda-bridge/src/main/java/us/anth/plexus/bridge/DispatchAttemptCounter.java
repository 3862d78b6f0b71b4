package us.anth.plexus.bridge;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Counts dispatch attempts and runs on the Task record itself ({@value #ATTEMPTS} and {@value
 * #RUNS}, attributes the dashboard ignores), so the counts survive across Lambda instances, crashed
 * deliveries and poller restarts. Only a record DISPATCHING by this bridge (workerNodeId = its
 * dispatcher id) is counted: a claim by another dispatcher is never touched.
 */
final class DispatchAttemptCounter {
  static final String ATTEMPTS = "bridgeDispatchAttempts";
  static final String RUNS = "bridgeDispatchRuns";

  private final DynamoDbClient client;
  private final String table;
  private final String dispatcherId;

  DispatchAttemptCounter(DynamoDbClient client, String table, String dispatcherId) {
    this.client = client;
    this.table = table;
    this.dispatcherId = dispatcherId;
  }

  /** Restarts the attempt count at 1 and counts a new run (a fresh claim). */
  Optional<DispatchClaim> first(String taskId) {
    return update(taskId, "SET #attempts = :one ADD #runs :one");
  }

  /** Adds one attempt (a resumed claim of ours). */
  Optional<DispatchClaim> next(String taskId) {
    return update(taskId, "ADD #attempts :one");
  }

  private Optional<DispatchClaim> update(String taskId, String expression) {
    try {
      var response =
          client.updateItem(
              r ->
                  r.tableName(table)
                      .key(Map.of("id", AttributeValue.fromS(taskId)))
                      .updateExpression(expression)
                      .conditionExpression("#dispatch = :dispatching AND #worker = :us")
                      .expressionAttributeNames(names(expression))
                      .expressionAttributeValues(
                          Map.of(
                              ":one", AttributeValue.fromN("1"),
                              ":dispatching", AttributeValue.fromS("DISPATCHING"),
                              ":us", AttributeValue.fromS(dispatcherId)))
                      .returnValues(ReturnValue.ALL_NEW));
      var item = response.attributes();
      int attempt = Integer.parseInt(item.get(ATTEMPTS).n());
      AttributeValue runs = item.get(RUNS);
      return Optional.of(new DispatchClaim(attempt, runs == null ? 1 : Integer.parseInt(runs.n())));
    } catch (ConditionalCheckFailedException notOurs) {
      return Optional.empty();
    }
  }

  private static Map<String, String> names(String expression) {
    return expression.contains("#runs")
        ? Map.of(
            "#attempts",
            ATTEMPTS,
            "#runs",
            RUNS,
            "#dispatch",
            "dispatchStatus",
            "#worker",
            "workerNodeId")
        : Map.of("#attempts", ATTEMPTS, "#dispatch", "dispatchStatus", "#worker", "workerNodeId");
  }
}
