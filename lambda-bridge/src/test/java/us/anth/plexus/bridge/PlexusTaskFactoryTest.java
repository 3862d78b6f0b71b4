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
  void keepsPlexusTargetsWhole() {
    var withSpaces = DashboardTasks.pending().with("target", "evaluation/accuracy/Agent Scorecard");
    assertThat(
            PlexusTaskFactory.build(TaskItem.from(withSpaces.item()), "ns").getSpec().getTarget())
        .isEqualTo("evaluation/accuracy/Agent Scorecard");
    for (String missing : new String[] {null, ""}) {
      var task = DashboardTasks.pending().with("target", missing);
      assertThat(PlexusTaskFactory.build(TaskItem.from(task.item()), "ns").getSpec().getTarget())
          .isEqualTo("default/command");
    }
  }

  @Test
  void missingAccountLeavesNoAccountLabel() {
    var task = DashboardTasks.pending().with("accountId", null).with("type", null);
    var built = PlexusTaskFactory.build(TaskItem.from(task.item()), "ns");
    assertThat(built.getMetadata().getLabels())
        .containsOnlyKeys(PlexusLabels.TASK_ID)
        .allSatisfy((k, v) -> assertThat(v).matches("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?"));
    assertThat(built.getSpec().getAccountId()).isNull();
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
