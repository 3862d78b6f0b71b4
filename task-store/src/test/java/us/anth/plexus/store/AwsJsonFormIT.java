package us.anth.plexus.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * AWSJSON fields are written in the form AppSync stores (a DynamoDB map, as the AppSync simulator
 * showed) and read back as JSON text from either form.
 */
class AwsJsonFormIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final LocalDynamo.Tables tables = LocalDynamo.tables(false);

  @Test
  void metadataAndErrorDetailsAreStoredAsMaps() throws Exception {
    String id =
        tables
            .tasks()
            .createTask(
                new NewTask(
                    "acct",
                    "evaluation",
                    "evaluation",
                    "plexus evaluate",
                    null,
                    "{\"scorecard\":\"sc 1\",\"limit\":5,\"tags\":[\"a\",true]}",
                    null,
                    null));
    tables
        .tasks()
        .updatePhase(
            id,
            TaskPhaseUpdate.to(TaskStatus.FAILED)
                .error("exit 3", "{\"exitCode\":3,\"details\":null}")
                .kubernetes(Map.of("namespace", "ns", "name", "t")));

    Map<String, AttributeValue> item = item(id);
    assertThat(item.get("metadata").m().get("limit").n()).isEqualTo("5");
    assertThat(item.get("metadata").m().get("tags").l().get(1).bool()).isTrue();
    assertThat(item.get("metadata").m().get("kubernetes").m().get("name").s()).isEqualTo("t");
    assertThat(item.get("errorDetails").m().get("exitCode").n()).isEqualTo("3");
    assertThat(item.get("errorDetails").m().get("details").nul()).isTrue();

    TaskRecord record = tables.task(id);
    assertThat(JSON.readTree(record.metadata()).path("scorecard").asText()).isEqualTo("sc 1");
    assertThat(JSON.readTree(record.errorDetails()).path("exitCode").asInt()).isEqualTo(3);
  }

  @Test
  void textWrittenByOthersStaysTextAndReadsTheSame() throws Exception {
    String id = tables.dashboardTask("acct", "{\"dispatch_mode\":\"kubernetes\"}");
    tables
        .tasks()
        .updatePhase(
            id, TaskPhaseUpdate.to(TaskStatus.RUNNING).kubernetes(Map.of("namespace", "ns")));
    assertThat(item(id).get("metadata").s()).contains("\"kubernetes\"");
    assertThat(JSON.readTree(tables.task(id).metadata()).path("dispatch_mode").asText())
        .isEqualTo("kubernetes");
  }

  private Map<String, AttributeValue> item(String id) {
    return tables
        .client()
        .getItem(b -> b.tableName(tables.settings().taskTable()).key(TaskTables.itemKey(id)))
        .item();
  }
}
