package us.anth.plexus.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Reads and deletes of Task records (the CLI's side); DynamoDB outages are thrown. */
final class TaskQueries {
  private final DynamoDbClient client;
  private final TaskStoreSettings settings;
  private final TaskStageStore stages;

  TaskQueries(DynamoDbClient client, TaskStoreSettings settings) {
    this.client = client;
    this.settings = settings;
    this.stages = new TaskStageStore(client, settings);
  }

  Optional<TaskRecord> find(String id) {
    try {
      Map<String, AttributeValue> item =
          client
              .getItem(
                  b ->
                      b.tableName(settings.taskTable())
                          .key(TaskTables.itemKey(id))
                          .consistentRead(true))
              .item();
      return item == null || item.isEmpty() ? Optional.empty() : Optional.of(TaskRecord.from(item));
    } catch (SdkException unavailable) {
      throw unavailable("read task " + id, unavailable);
    }
  }

  List<TaskRecord> listByAccount(String accountId, int limit) {
    QueryRequest request =
        TaskTables.queryIndex(
                settings.taskTable(), settings.indexes().byAccount(), "accountId", accountId)
            .scanIndexForward(false)
            .limit(limit)
            .build();
    try {
      List<TaskRecord> tasks = new ArrayList<>();
      for (var page : client.queryPaginator(request)) {
        for (var item : page.items()) {
          if (tasks.size() < limit) {
            tasks.add(TaskRecord.from(item));
          }
        }
        if (tasks.size() >= limit) {
          break;
        }
      }
      return tasks;
    } catch (SdkException unavailable) {
      throw unavailable("list tasks of account " + accountId, unavailable);
    }
  }

  /** Deletes the Task's TaskStages. */
  void deleteStages(String id) {
    try {
      stages.deleteStages(id);
    } catch (SdkException unavailable) {
      throw unavailable("delete the stages of task " + id, unavailable);
    }
  }

  boolean deleteWithStages(String id) {
    try {
      stages.deleteStages(id);
      var deleted =
          client.deleteItem(
              b ->
                  b.tableName(settings.taskTable())
                      .key(TaskTables.itemKey(id))
                      .returnValues(
                          software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_OLD));
      return deleted.hasAttributes() && !deleted.attributes().isEmpty();
    } catch (SdkException unavailable) {
      throw unavailable("delete task " + id, unavailable);
    }
  }

  static TaskStoreUnavailableException unavailable(String what, SdkException cause) {
    return new TaskStoreUnavailableException(
        "could not " + what + ": " + ConditionalWriter.oneLine(cause), cause);
  }
}
