package us.anth.plexus.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.operator.testing.TestTasks;

class WrittenStatusesTest {
  private final WrittenStatuses statuses = new WrittenStatuses();

  private static PlexusTask version(String resourceVersion, TaskPhase phase) {
    PlexusTask task = TestTasks.builder().name("t").uid("uid-1").build();
    task.getMetadata().setResourceVersion(resourceVersion);
    PlexusTaskStatus status = new PlexusTaskStatus();
    status.setPhase(phase);
    task.setStatus(status);
    return task;
  }

  @Test
  void ownWriteWinsOverAnOlderCachedCopyUntilTheCacheCatchesUp() {
    statuses.remember(version("12", TaskPhase.Running));
    assertThat(statuses.latest(version("10", TaskPhase.Pending)).getPhase())
        .isEqualTo(TaskPhase.Running);
    assertThat(statuses.latest(version("13", TaskPhase.Succeeded)).getPhase())
        .isEqualTo(TaskPhase.Succeeded);
    assertThat(statuses.latest(version("10", TaskPhase.Pending)).getPhase())
        .isEqualTo(TaskPhase.Pending);
  }

  @Test
  void opaqueVersionsAndForgottenTasksUseTheCache() {
    statuses.remember(version("12", TaskPhase.Running));
    assertThat(statuses.latest(version("abc", TaskPhase.Pending)).getPhase())
        .isEqualTo(TaskPhase.Pending);
    statuses.remember(version("12", TaskPhase.Running));
    statuses.forget(version("12", TaskPhase.Running));
    assertThat(statuses.latest(version("10", TaskPhase.Pending)).getPhase())
        .isEqualTo(TaskPhase.Pending);
  }
}
