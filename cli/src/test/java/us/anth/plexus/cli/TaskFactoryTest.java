package us.anth.plexus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTask;

class TaskFactoryTest {
  @Test
  void buildsTheSpecAndANameFromTheType() {
    PlexusTask t =
        TaskFactory.build(
            new TaskFactory.Request(
                "evaluate accuracy",
                "train/gpu",
                "acct",
                "Evaluation Run",
                60L,
                "Setup,Processing:2000,Finalizing",
                "gpu"),
            "plexus",
            "abc123");
    assertThat(t.getMetadata().getName()).isEqualTo("evaluation-run-abc123");
    assertThat(t.getMetadata().getNamespace()).isEqualTo("plexus");
    assertThat(t.getSpec().getTimeoutSeconds()).isEqualTo(60L);
    assertThat(t.getSpec().getPool()).isEqualTo("gpu");
    assertThat(t.getSpec().getStages())
        .extracting(s -> s.getName() + "#" + s.getOrder() + "#" + s.getTotalItems())
        .containsExactly("Setup#1#null", "Processing#2#2000", "Finalizing#3#null");
  }

  @Test
  void badStageListsAreOneLineErrors() {
    assertThatThrownBy(() -> TaskFactory.stages("A:lots"))
        .hasMessage("--stages: 'lots' is not a number of items");
    assertThatThrownBy(() -> TaskFactory.stages("A,,B")).hasMessageContaining("empty stage name");
  }

  @Test
  void randomSuffixIsAValidNamePart() {
    assertThat(TaskFactory.randomSuffix()).matches("[a-z0-9]{6}");
  }
}
