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

  @Test
  void theRunnersTerminationMessageFillsWhatItsLostFinalWriteLeftOut() {
    PlexusTaskStatus status = withStages(StageState.RUNNING, StageState.PENDING);
    PlexusTaskStatus runnerFinal = withStages(StageState.COMPLETED, StageState.COMPLETED);
    runnerFinal.getStages().get(1).setProcessedItems(7L);
    runnerFinal.setExitCode(0);
    runnerFinal.setOutput("7 scored");

    var fill = StageEnding.of(status, TaskPhase.Succeeded, 0, runnerFinal, NOW).orElseThrow();

    assertThat(fill.stages())
        .extracting(StageStatus::getStatus)
        .containsExactly(StageState.COMPLETED, StageState.COMPLETED);
    assertThat(fill.stages().get(1).getProcessedItems()).isEqualTo(7L);
    assertThat(fill.stages().get(1).getStatusMessage()).isNull();
    assertThat(fill.ended()).hasSize(2);
    assertThat(fill.exitCode()).isZero();
    assertThat(fill.output()).isEqualTo("7 scored");
    assertThat(fill.errorMessage()).isNull();
  }

  @Test
  void aTerminationMessageNeverOverwritesWhatTheRunnerDidWrite() {
    PlexusTaskStatus written = withStages(StageState.FAILED);
    written.setExitCode(3);
    written.setErrorMessage("its own words");
    written.setOutput("partial");
    PlexusTaskStatus runnerFinal = withStages(StageState.COMPLETED);
    runnerFinal.setExitCode(0);
    runnerFinal.setErrorMessage("other words");
    runnerFinal.setOutput("other");

    assertThat(StageEnding.of(written, TaskPhase.Failed, 3, runnerFinal, NOW)).isEmpty();
  }

  @Test
  void stagesOnlyTheMessageKnowsAreAddedInOrder() {
    PlexusTaskStatus runnerFinal = withStages(StageState.COMPLETED, StageState.FAILED);
    runnerFinal.setExitCode(2);
    runnerFinal.setErrorMessage("bad input");

    var fill =
        StageEnding.of(new PlexusTaskStatus(), TaskPhase.Failed, 2, runnerFinal, NOW).orElseThrow();

    assertThat(fill.stages()).extracting(StageStatus::getName).containsExactly("s0", "s1");
    assertThat(fill.exitCode()).isEqualTo(2);
    assertThat(fill.errorMessage()).isEqualTo("bad input");
  }

  @Test
  void theRunnersFinalStateIsReadFromTheNewestPodsTerminationMessage() {
    PlexusTaskStatus runnerFinal = withStages(StageState.COMPLETED);
    runnerFinal.setExitCode(0);
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withCreationTimestamp("2026-12-01T04:00:00Z")
            .endMetadata()
            .withNewStatus()
            .addNewContainerStatus()
            .withName(JobContract.CONTAINER)
            .withNewState()
            .withNewTerminated()
            .withExitCode(0)
            .withMessage(us.anth.plexus.api.job.TerminationMessage.encode(runnerFinal))
            .endTerminated()
            .endState()
            .endContainerStatus()
            .endStatus()
            .build();

    assertThat(StageEnding.podRunnerFinal(List.of(pod)).orElseThrow().getStages())
        .extracting(StageStatus::getName)
        .containsExactly("s0");
  }
}
