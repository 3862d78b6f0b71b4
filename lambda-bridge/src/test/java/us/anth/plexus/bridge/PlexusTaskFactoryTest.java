package us.anth.plexus.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import us.anth.plexus.api.PlexusLabels;

class PlexusTaskFactoryTest {
  @Test
  void specMirrorsTheTaskRecord() throws Exception {
    var dashboard = DashboardTasks.pending();
    var task = PlexusTaskFactory.build(TaskItem.from(dashboard.item()), "team-a");

    assertThat(task.getMetadata().getName()).isEqualTo("task-" + dashboard.id());
    assertThat(task.getMetadata().getNamespace()).isEqualTo("team-a");
    assertThat(task.getMetadata().getLabels())
        .containsEntry(PlexusLabels.TASK_ID, dashboard.id())
        .containsEntry(PlexusLabels.ACCOUNT_ID, "acct-1");
    var spec = task.getSpec();
    assertThat(spec.getTaskId()).isEqualTo(dashboard.id());
    assertThat(spec.getAccountId()).isEqualTo("acct-1");
    assertThat(spec.getType()).isEqualTo("Evaluation");
    assertThat(spec.getTarget()).isEqualTo("evaluation/accuracy");
    assertThat(spec.getCommand()).isEqualTo(dashboard.item().get("command").s());
    assertThat(spec.getDescription()).isEqualTo("Accuracy evaluation");
    assertThat(spec.getScorecardId()).isEqualTo("sc-1");
    assertThat(spec.getScoreId()).isEqualTo("score-1");
    assertThat(spec.getMetadata())
        .isEqualTo(
            new ObjectMapper().readTree("{\"scorecard\":\"agent scorecard\",\"samples\":20}"));
  }

  @Test
  void metadataEncodedTwiceOrAsAMapIsReadAsJson() throws Exception {
    var expected = new ObjectMapper().readTree("{\"dispatch_mode\":\"local\",\"n\":2}");
    var twice =
        DashboardTasks.pending()
            .with("metadata", "\"{\\\"dispatch_mode\\\":\\\"local\\\",\\\"n\\\":2}\"");
    assertThat(TaskItem.from(twice.item()).metadata()).isEqualTo(expected);

    var map = new java.util.HashMap<>(DashboardTasks.pending().item());
    map.put(
        "metadata",
        AttributeValue.fromM(
            Map.of(
                "dispatch_mode", AttributeValue.fromS("local"), "n", AttributeValue.fromN("2"))));
    assertThat(TaskItem.from(map).metadata().get("dispatch_mode").asText()).isEqualTo("local");
    assertThat(TaskItem.from(map).metadata().get("n").asInt()).isEqualTo(2);
  }

  @Test
  void metadataThatIsNotJsonIsKeptAsText() {
    var task = DashboardTasks.pending().with("metadata", "not json {");
    assertThat(TaskItem.from(task.item()).metadata().asText()).isEqualTo("not json {");
  }
}
