package us.anth.plexus.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class TaskTablesIT {
  private final LocalDynamo.Tables db = LocalDynamo.tables(false);

  @Test
  void taskTableHasTheDashboardsKeyAndIndexes() {
    TableDescription task = describe(db.settings().taskTable());

    assertThat(keys(task.keySchema())).isEqualTo(Map.of("id", KeyType.HASH));
    assertThat(indexes(task))
        .isEqualTo(
            Map.of(
                "tasksByAccountIdAndUpdatedAt",
                    Map.of("accountId", KeyType.HASH, "updatedAt", KeyType.RANGE),
                "tasksByScorecardIdAndUpdatedAt",
                    Map.of("scorecardId", KeyType.HASH, "updatedAt", KeyType.RANGE),
                "tasksByScoreId", Map.of("scoreId", KeyType.HASH)));
    assertThat(task.attributeDefinitions())
        .extracting(d -> d.attributeName(), d -> d.attributeTypeAsString())
        .containsExactlyInAnyOrder(
            tuple("id", "S"),
            tuple("accountId", "S"),
            tuple("scorecardId", "S"),
            tuple("scoreId", "S"),
            tuple("updatedAt", "S"));
  }

  @Test
  void stageTableHasTheDashboardsKeyAndTaskIdIndex() {
    TableDescription stage = describe(db.settings().stageTable());

    assertThat(keys(stage.keySchema())).isEqualTo(Map.of("id", KeyType.HASH));
    assertThat(indexes(stage))
        .isEqualTo(Map.of("taskStagesByTaskId", Map.of("taskId", KeyType.HASH)));
  }

  @Test
  void creatingAgainKeepsTheTablesAndTheirData() {
    String id = db.tasks().createTask(NewTask.of("acct-1", "demo", "demo/x", "demo"));

    TaskTables.create(db.client(), db.settings(), false);

    assertThat(db.tasks().find(id)).isPresent();
  }

  @Test
  void streamsCanBeTurnedOnWithBothImages() {
    TaskStoreSettings streamed =
        db.settings()
            .withTables("Streamed-" + System.nanoTime(), "StreamedStage-" + System.nanoTime());

    TaskTables.create(db.client(), streamed, true);

    TableDescription task = describe(streamed.taskTable());
    assertThat(task.streamSpecification().streamEnabled()).isTrue();
    assertThat(task.streamSpecification().streamViewType())
        .isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
    assertThat(task.latestStreamArn()).isNotBlank();
    assertThat(describe(db.settings().taskTable()).streamSpecification()).isNull();
  }

  private TableDescription describe(String table) {
    return db.client().describeTable(b -> b.tableName(table)).table();
  }

  private static Map<String, KeyType> keys(List<KeySchemaElement> schema) {
    return schema.stream()
        .collect(Collectors.toMap(KeySchemaElement::attributeName, KeySchemaElement::keyType));
  }

  private static Map<String, Map<String, KeyType>> indexes(TableDescription table) {
    return table.globalSecondaryIndexes().stream()
        .collect(
            Collectors.toMap(
                GlobalSecondaryIndexDescription::indexName, index -> keys(index.keySchema())));
  }
}
