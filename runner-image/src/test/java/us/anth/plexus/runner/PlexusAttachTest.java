package us.anth.plexus.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import us.anth.plexus.api.command.CommandWords;

class PlexusAttachTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "auto | plexus | evaluate accuracy --scorecard x | plexus evaluate accuracy --scorecard x --task-id t1",
        "auto | plexus | procedure run abc | plexus procedure run abc",
        "auto | plexus | feedback report run-programmatic-block --p x | plexus feedback report run-programmatic-block --p x",
        "auto | plexus | feedback report run --x | plexus feedback report run --x --task-id t1",
        "auto | plexus | evaluate accuracy --task-id other | plexus evaluate accuracy --task-id other",
        "auto | /opt/venv/bin/plexus | report run | /opt/venv/bin/plexus report run --task-id t1",
        "auto | '' | plexus evaluate accuracy | plexus evaluate accuracy --task-id t1",
        "auto | '' | plexus procedure run abc | plexus procedure run abc",
        "auto | '' | bash -c 'echo hi' | bash -c 'echo hi'",
        "auto | python3 | job.py | python3 job.py",
        "always | python3 | job.py | python3 job.py --task-id t1",
        "never | plexus | evaluate accuracy | plexus evaluate accuracy"
      })
  void appendsTaskIdAsPlexusWorkerDoes(String mode, String prefix, String command, String argv) {
    assertThat(CommandArgv.of(prefix, command, new PlexusAttach(mode, "t1")))
        .isEqualTo(CommandWords.split(argv));
  }

  @Test
  void dispatchTaskIdIsSetForEveryCommandUnlessNever() {
    assertThat(new PlexusAttach("auto", "t1").childEnv())
        .isEqualTo(Map.of("PLEXUS_DISPATCH_TASK_ID", "t1"));
    assertThat(new PlexusAttach("never", "t1").childEnv()).isEmpty();
    assertThat(new PlexusAttach("auto", null).childEnv()).isEmpty();
  }

  @Test
  void theCommandFindsTheIdItWasGiven() {
    PlexusAttach attach = new PlexusAttach("auto", "t1");
    var argv = attach.argv(java.util.List.of("plexus"), CommandWords.split("evaluate accuracy"));

    assertThat(PlexusAttach.taskIdSeenBy(argv, Map.of())).contains("t1");
    assertThat(PlexusAttach.taskIdSeenBy(CommandWords.split("procedure run"), attach.childEnv()))
        .as("no --task-id: the variable")
        .contains("t1");
    assertThat(PlexusAttach.taskIdSeenBy(CommandWords.split("x --task-id"), Map.of())).isEmpty();
  }

  @Test
  void unknownModeIsNamed() {
    assertThatThrownBy(() -> PlexusAttach.fromEnv(Map.of("PLEXUS_TASK_ID_ARG", "sometimes"), "t"))
        .hasMessage("PLEXUS_TASK_ID_ARG must be auto, always or never, got 'sometimes'");
  }
}
