package us.anth.plexus.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.StageState;
import us.anth.plexus.api.StageStatus;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.api.job.JobContract;

class StageEndingTest {
  private static final String NOW = "2026-12-01T05:00:00Z";

  private static PlexusTaskStatus withStages(StageState... states) {
    PlexusTaskStatus status = new PlexusTaskStatus();
    List<StageStatus> stages = new java.util.ArrayList<>();
    for (int i = 0; i < states.length; i++) {
      StageStatus stage = new StageStatus();
      stage.setName("s" + i);
      stage.setOrder(i);
      stage.setStatus(states[i]);
      stages.add(stage);
    }
    status.setStages(stages);
    return status;
  }

  @Test
  void openStagesOfACancelledTaskEndFailedSayingCancelled() {
    var fill =
        StageEnding.of(
                withStages(StageState.COMPLETED, StageState.RUNNING, StageState.PENDING),
                TaskPhase.Cancelled,
                null,
                NOW)
            .orElseThrow();

    assertThat(fill.stages())
        .extracting(StageStatus::getStatus)
        .containsExactly(StageState.COMPLETED, StageState.FAILED, StageState.FAILED);
    assertThat(fill.ended()).extracting(StageStatus::getName).containsExactly("s1", "s2");
    assertThat(fill.ended().get(0).getStatusMessage()).startsWith("Cancelled while running");
    assertThat(fill.ended().get(1).getStatusMessage()).startsWith("Cancelled before it started");
    assertThat(fill.ended().get(0).getCompletedAt()).isEqualTo(NOW);
    assertThat(fill.exitCode()).isNull();
  }

  @Test
  void exitCodeIsFilledOnlyWhenTheRunnerWroteNone() {
    PlexusTaskStatus done = withStages(StageState.FAILED);
    assertThat(StageEnding.of(done, TaskPhase.Failed, 137, NOW).orElseThrow().exitCode())
        .isEqualTo(137);
    done.setExitCode(1);
    assertThat(StageEnding.of(done, TaskPhase.Failed, 137, NOW)).isEmpty();
  }

  @Test
  void nothingForUnfinishedTasksOrRunnersThatWroteTheirEnd() {
    PlexusTaskStatus open = withStages(StageState.RUNNING);
    assertThat(StageEnding.of(open, TaskPhase.Running, 137, NOW)).isEmpty();
    assertThat(StageEnding.of(null, TaskPhase.Failed, null, NOW)).isEmpty();
    PlexusTaskStatus written = withStages(StageState.COMPLETED);
    written.setExitCode(0);
    assertThat(StageEnding.of(written, TaskPhase.Succeeded, 0, NOW)).isEmpty();
  }

  @Test
  void aSucceededJobWhoseRunnersFinalWriteWasLostCompletesItsStages() {
    var fill =
        StageEnding.of(withStages(StageState.RUNNING), TaskPhase.Succeeded, 0, NOW).orElseThrow();
    assertThat(fill.ended())
        .extracting(StageStatus::getStatus)
        .containsExactly(StageState.COMPLETED);
    assertThat(fill.ended().get(0).getStatusMessage()).startsWith("Completed while running");
    assertThat(fill.exitCode()).isZero();
  }

  @Test
  void exitCodeComesFromTheNewestPodsTerminatedRunner() {
    Pod old = pod("2026-12-01T01:00:00Z", 1);
    Pod newest = pod("2026-12-01T02:00:00Z", 137);
    assertThat(StageEnding.podExitCode(List.of(newest, old))).contains(137);
    assertThat(StageEnding.runnerMayStillWrite(List.of(old, newest))).isFalse();
  }

  private static Pod pod(String created, int exitCode) {
    return new PodBuilder()
        .withNewMetadata()
        .withName("p" + exitCode)
        .withCreationTimestamp(created)
        .endMetadata()
        .withNewStatus()
        .withPhase("Failed")
        .addNewContainerStatus()
        .withName(JobContract.CONTAINER)
        .withNewState()
        .withNewTerminated()
        .withExitCode(exitCode)
        .endTerminated()
        .endState()
        .endContainerStatus()
        .endStatus()
        .build();
  }
}
