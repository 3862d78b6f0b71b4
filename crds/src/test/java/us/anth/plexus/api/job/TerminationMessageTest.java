package us.anth.plexus.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.StageState;
import us.anth.plexus.api.StageStatus;

class TerminationMessageTest {

  private static PlexusTaskStatus finalState(int stages, String output) {
    PlexusTaskStatus status = new PlexusTaskStatus();
    status.setExitCode(3);
    status.setErrorMessage("scorer crashed");
    status.setOutput(output);
    status.setStdoutTail("x".repeat(10_000));
    List<StageStatus> list = new ArrayList<>();
    for (int i = 0; i < stages; i++) {
      StageStatus stage = new StageStatus();
      stage.setName("stage-" + i);
      stage.setOrder(i);
      stage.setStatus(StageState.COMPLETED);
      stage.setStatusMessage("m".repeat(200));
      stage.setProcessedItems(10L);
      stage.setTotalItems(10L);
      list.add(stage);
    }
    status.setStages(list);
    return status;
  }

  @Test
  void theRunnersFinalStateRoundTripsWithoutItsTails() {
    String message = TerminationMessage.encode(finalState(2, "42 scored"));

    PlexusTaskStatus read = TerminationMessage.decode(message).orElseThrow();

    assertThat(read.getExitCode()).isEqualTo(3);
    assertThat(read.getErrorMessage()).isEqualTo("scorer crashed");
    assertThat(read.getOutput()).isEqualTo("42 scored");
    assertThat(read.getStdoutTail()).isNull();
    assertThat(read.getStages())
        .extracting(StageStatus::getName)
        .containsExactly("stage-0", "stage-1");
    assertThat(read.getStages().get(1).getProcessedItems()).isEqualTo(10L);
  }

  @Test
  void aMessageStaysWithinTheKubeletsLimitDroppingOutputThenEarlyStages() {
    String message = TerminationMessage.encode(finalState(60, "o".repeat(5000)));

    assertThat(message.getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(TerminationMessage.MAX_BYTES);
    PlexusTaskStatus read = TerminationMessage.decode(message).orElseThrow();
    assertThat(read.getExitCode()).isEqualTo(3);
    assertThat(read.getOutput()).isNull();
    assertThat(read.getStages()).isNotEmpty().hasSizeLessThan(60);
    assertThat(read.getStages().get(read.getStages().size() - 1).getName()).isEqualTo("stage-59");
  }

  @Test
  void logTailsAndForeignMessagesAreNotTheRunnersState() {
    assertThat(TerminationMessage.decode(null)).isEmpty();
    assertThat(TerminationMessage.decode("Traceback (most recent call last):\n  boom")).isEmpty();
    assertThat(TerminationMessage.decode("{\"exitCode\":1}")).isEmpty();
    assertThat(TerminationMessage.decode("{\"plexusRunnerFinalState\":true,\"exitCode\":"))
        .isEmpty();
  }
}
