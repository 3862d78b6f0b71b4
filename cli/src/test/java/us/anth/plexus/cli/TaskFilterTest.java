package us.anth.plexus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.TaskPhase;

class TaskFilterTest {
  private final PlexusTask done =
      TaskFixtures.task("a", "acct1", "Evaluation", "train/gpu", TaskPhase.Succeeded);
  private final PlexusTask fresh = TaskFixtures.task("b", "acct2", "demo", "dev/local", null);

  @Test
  void emptyFilterMatchesEverything() {
    TaskFilter all = new TaskFilter(null, null, null, null);
    assertThat(all.isEmpty()).isTrue();
    assertThat(all.matches(done)).isTrue();
    assertThat(all.matches(fresh)).isTrue();
  }

  @Test
  void everyGivenFieldMustMatch() {
    assertThat(new TaskFilter("acct1", null, "Evaluation", null).matches(done)).isTrue();
    assertThat(new TaskFilter("acct1", null, "demo", null).matches(done)).isFalse();
    assertThat(new TaskFilter(null, null, null, "dev/local").matches(fresh)).isTrue();
    assertThat(new TaskFilter(null, null, null, "dev/local").matches(done)).isFalse();
  }

  @Test
  void statusMatchesPhaseOrDashboardStatus() {
    assertThat(new TaskFilter(null, "succeeded", null, null).matches(done)).isTrue();
    assertThat(new TaskFilter(null, "COMPLETED", null, null).matches(done)).isTrue();
    assertThat(new TaskFilter(null, "Pending", null, null).matches(fresh)).isTrue();
    assertThat(new TaskFilter(null, "FAILED", null, null).matches(done)).isFalse();
  }
}
