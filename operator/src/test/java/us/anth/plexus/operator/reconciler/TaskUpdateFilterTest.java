package us.anth.plexus.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.operator.testing.TestTasks;

class TaskUpdateFilterTest {
  private static PlexusTask task(long generation, PlexusTaskStatus status) {
    PlexusTask task = TestTasks.builder().name("t").uid("uid-1").build();
    task.getMetadata().setGeneration(generation);
    task.setStatus(status);
    return task;
  }

  private static PlexusTaskStatus status(TaskPhase phase, Integer exitCode, String details) {
    PlexusTaskStatus status = new PlexusTaskStatus();
    status.setPhase(phase);
    status.setExitCode(exitCode);
    status.setErrorDetails(details);
    status.setProgress("1/2");
    return status;
  }

  @Test
  void specChangesFinalizersAndDeletionStartReconciles() {
    PlexusTaskStatus same = status(TaskPhase.Running, null, null);
    assertThat(TaskUpdateFilter.accept(task(2, same), task(1, same))).isTrue();
    PlexusTask finalized = task(1, same);
    finalized.getMetadata().setFinalizers(List.of("plexustasks.plexus.anth.us/finalizer"));
    assertThat(TaskUpdateFilter.accept(finalized, task(1, same))).isTrue();
    PlexusTask deleting = task(1, same);
    deleting.getMetadata().setDeletionTimestamp("2026-11-23T10:00:00Z");
    assertThat(TaskUpdateFilter.accept(deleting, task(1, same))).isTrue();
  }

  @Test
  void theRunnersFinalReportStartsAReconcileButProgressAndOwnWritesDoNot() {
    PlexusTask cancelled = task(1, status(TaskPhase.Cancelled, null, null));
    assertThat(TaskUpdateFilter.accept(task(1, status(TaskPhase.Cancelled, 143, null)), cancelled))
        .isTrue();
    assertThat(
            TaskUpdateFilter.accept(
                task(1, status(TaskPhase.Cancelled, null, "working\n")), cancelled))
        .isTrue();
    PlexusTaskStatus progressed = status(TaskPhase.Running, null, null);
    progressed.setProgress("2/2");
    assertThat(
            TaskUpdateFilter.accept(
                task(1, progressed), task(1, status(TaskPhase.Running, null, null))))
        .isFalse();
    assertThat(TaskUpdateFilter.accept(cancelled, task(1, status(TaskPhase.Running, null, null))))
        .isFalse();
  }
}
