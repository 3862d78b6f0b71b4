package us.anth.plexus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.StageState;
import us.anth.plexus.api.StageStatus;
import us.anth.plexus.api.TaskPhase;

class TaskViewsTest {
  @Test
  void textTableAlignsColumns() {
    String table =
        TextTable.render(
            List.of("NAME", "PHASE"), List.of(List.of("a-long-name", "Running"), List.of("b", "")));
    assertThat(table).isEqualTo("NAME          PHASE\na-long-name   Running\nb\n");
  }

  @Test
  void listShowsOneRowPerTask() {
    PlexusTask t =
        TaskFixtures.task("eval-1", "acct", "Evaluation", "train/gpu", TaskPhase.Running);
    t.getStatus().setCurrentStage("Processing");
    t.getStatus().setProgress("120/2000 (6%)");
    String out = TaskViews.list(List.of(t));
    assertThat(out.lines().toList()).hasSize(2);
    assertThat(out.lines().toList().get(1))
        .contains(
            "eval-1", "acct", "Evaluation", "train/gpu", "Running", "Processing", "120/2000 (6%)");
  }

  @Test
  void detailShowsStagesAndFailure() {
    PlexusTask t = TaskFixtures.task("eval-1", "acct", "Evaluation", "train/gpu", TaskPhase.Failed);
    StageStatus stage = new StageStatus();
    stage.setName("Processing");
    stage.setStatus(StageState.FAILED);
    stage.setProcessedItems(5L);
    stage.setTotalItems(10L);
    t.getStatus().setStages(List.of(stage));
    t.getStatus().setExitCode(3);
    t.getStatus().setStderrTail("boom\n");
    String out = TaskViews.detail(t);
    assertThat(out)
        .contains("Phase:      Failed", "Exit code:  3", "Processing", "5/10", "FAILED", "boom");
    assertThat(TaskFollower.exitCode(t)).isEqualTo(3);
  }

  @Test
  void exitCodesFollowThePhase() {
    assertThat(TaskFollower.exitCode(TaskFixtures.task("a", "x", "t", "a/b", TaskPhase.Succeeded)))
        .isZero();
    assertThat(TaskFollower.exitCode(TaskFixtures.task("a", "x", "t", "a/b", TaskPhase.Cancelled)))
        .isEqualTo(2);
    assertThat(TaskFollower.exitCode(TaskFixtures.task("a", "x", "t", "a/b", TaskPhase.Failed)))
        .isEqualTo(1);
  }

  @Test
  void allNamespacesAddsANamespaceColumnAndWideThePoolJobReasonAndAge() {
    PlexusTask t =
        TaskFixtures.task("eval-1", "acct", "Evaluation", "train/gpu", TaskPhase.Pending);
    t.getMetadata().setNamespace("team-a");
    t.getMetadata().setCreationTimestamp("2026-01-01T00:00:00Z");
    t.getStatus().setPool("gpu");
    var ready = new io.fabric8.kubernetes.api.model.Condition();
    ready.setType("Ready");
    ready.setStatus("False");
    ready.setReason("NoMatchingPool");
    ready.setMessage("no pool matches");
    t.getStatus().setConditions(List.of(ready));

    List<String> lines =
        TaskViews.list(List.of(t), true, true, java.time.Instant.parse("2026-01-01T00:05:00Z"))
            .lines()
            .toList();

    assertThat(lines.get(0)).startsWith("NAMESPACE").endsWith("POOL   JOB   REASON           AGE");
    assertThat(lines.get(1)).startsWith("team-a").contains("gpu", "NoMatchingPool").endsWith("5m");
    assertThat(TaskViews.readyLine(t)).isEqualTo("False NoMatchingPool: no pool matches");
  }

  @Test
  void jsonAndYamlListsAreAV1ListAndNameIsOneResourcePerLine() {
    PlexusTask t =
        TaskFixtures.task("eval-1", "acct", "Evaluation", "train/gpu", TaskPhase.Running);

    assertThat(OutputFormat.json.documents(List.of(t)))
        .contains("\"apiVersion\" : \"v1\"", "\"kind\" : \"List\"", "\"items\" : [");
    assertThat(OutputFormat.yaml.documents(List.of(t)))
        .startsWith("apiVersion: \"v1\"\nkind: \"List\"");
    assertThat(OutputFormat.name.documents(List.of(t, t)))
        .isEqualTo("plexustask.plexus.anth.us/eval-1\nplexustask.plexus.anth.us/eval-1\n");
  }
}
