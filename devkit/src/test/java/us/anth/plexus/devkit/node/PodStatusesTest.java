package us.anth.plexus.devkit.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import org.junit.jupiter.api.Test;

class PodStatusesTest {
  private static final Pod POD =
      new PodBuilder()
          .withNewMetadata()
          .withName("job-abcde")
          .withNamespace("ns")
          .withUid("u-1")
          .endMetadata()
          .withNewSpec()
          .addNewContainer()
          .withName("runner")
          .withImage("plexus-runner:dev")
          .endContainer()
          .endSpec()
          .build();

  @Test
  void runningPodIsReadyWithARunningContainer() {
    PodStatus status = PodStatuses.running(POD, "2026-12-01T04:00:00Z");
    assertThat(status.getPhase()).isEqualTo("Running");
    assertThat(status.getContainerStatuses().get(0).getName()).isEqualTo("runner");
    assertThat(status.getContainerStatuses().get(0).getState().getRunning().getStartedAt())
        .isEqualTo("2026-12-01T04:00:00Z");
    assertThat(status.getConditions())
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  @Test
  void exitCodeDecidesSucceededOrFailed() {
    PodStatus ok = PodStatuses.terminated(POD, 0, "2026-12-01T04:00:00Z", "2026-12-01T04:00:05Z");
    assertThat(ok.getPhase()).isEqualTo("Succeeded");
    assertThat(ok.getContainerStatuses().get(0).getState().getTerminated().getReason())
        .isEqualTo("Completed");
    PodStatus bad = PodStatuses.terminated(POD, 3, "2026-12-01T04:00:00Z", "2026-12-01T04:00:05Z");
    assertThat(bad.getPhase()).isEqualTo("Failed");
    assertThat(bad.getContainerStatuses().get(0).getState().getTerminated().getExitCode())
        .isEqualTo(3);
  }

  @Test
  void podDeletedBeforeItStartedIsFailedWithUnknownContainerStatus() {
    PodStatus status = PodStatuses.abandoned(POD, "2026-12-01T04:00:00Z");
    assertThat(status.getPhase()).isEqualTo("Failed");
    assertThat(status.getContainerStatuses().get(0).getState().getTerminated().getReason())
        .isEqualTo("ContainerStatusUnknown");
  }
}
