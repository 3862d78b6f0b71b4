package us.anth.plexus.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.operator.testing.TestTasks;

class MirroredDetailsTest {
  private final MirroredDetails details = new MirroredDetails();

  private static PlexusTask task(Integer exitCode) {
    PlexusTask task = TestTasks.builder().name("t").uid("uid-1").build();
    PlexusTaskStatus runner = new PlexusTaskStatus();
    runner.setExitCode(exitCode);
    task.setStatus(runner);
    return task;
  }

  private static PlexusTaskStatus operator(TaskPhase phase) {
    PlexusTaskStatus status = new PlexusTaskStatus();
    status.setPhase(phase);
    status.setCancelledBy("alice");
    return status;
  }

  @Test
  void cancelledTaskIsStaleUntilMirroredAndAgainWhenTheExitCodeArrives() {
    PlexusTaskStatus cancelled = operator(TaskPhase.Cancelled);
    assertThat(details.stale(task(null), cancelled)).isTrue();
    details.remember(task(null), cancelled);
    assertThat(details.stale(task(null), cancelled)).isFalse();
    assertThat(details.stale(task(143), cancelled)).isTrue();
    details.remember(task(143), cancelled);
    assertThat(details.stale(task(143), cancelled)).isFalse();
    details.forget(task(143));
    assertThat(details.stale(task(143), cancelled)).isTrue();
  }

  @Test
  void onlyFailedAndCancelledRecordsCarryDetails() {
    assertThat(details.stale(task(0), operator(TaskPhase.Succeeded))).isFalse();
    assertThat(details.stale(task(null), operator(TaskPhase.Running))).isFalse();
    assertThat(details.stale(task(1), operator(TaskPhase.Failed))).isTrue();
  }
}
