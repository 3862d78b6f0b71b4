package us.anth.plexus.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunnerSettingsTest {
  private static final Map<String, String> MINIMAL =
      Map.of("PLEXUS_TASK_NAMESPACE", "ns", "PLEXUS_TASK_NAME", "t");

  @Test
  void defaultsApplyWhenOnlyTheTaskIsNamed() {
    RunnerSettings settings = RunnerSettings.fromEnv(MINIMAL);
    assertThat(settings.commandPrefix()).isEqualTo("plexus");
    assertThat(settings.timeout()).isNull();
    assertThat(settings.killGrace()).isEqualTo(Duration.ofSeconds(10));
    // The final write gets 15 s, and kill grace plus flush ends inside a 30 s pod grace.
    assertThat(settings.flushTimeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(settings.killGrace().plus(settings.flushTimeout()))
        .isLessThan(Duration.ofSeconds(30));
    assertThat(settings.tailBytes()).isEqualTo(16 * 1024);
    assertThat(settings.taskId()).isEmpty();
    assertThat(settings.command()).as("older Jobs: spec.command").isNull();
    assertThat(RunnerSettings.fromEnv(minimalWith("PLEXUS_COMMAND", "demo --seconds 1")).command())
        .isEqualTo("demo --seconds 1");
  }

  @Test
  void anEmptyPrefixMeansNoPrefix() {
    Map<String, String> env =
        Map.of(
            "PLEXUS_TASK_NAMESPACE",
            "ns",
            "PLEXUS_TASK_NAME",
            "t",
            "PLEXUS_COMMAND_PREFIX",
            "",
            "PLEXUS_TIMEOUT_SECONDS",
            "90");
    RunnerSettings settings = RunnerSettings.fromEnv(env);
    assertThat(settings.commandPrefix()).isEmpty();
    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void missingOrBadVariablesAreNamed() {
    assertThatThrownBy(() -> RunnerSettings.fromEnv(Map.of("PLEXUS_TASK_NAME", "t")))
        .hasMessage("PLEXUS_TASK_NAMESPACE is not set");
    assertThatThrownBy(
            () -> RunnerSettings.fromEnv(minimalWith("PLEXUS_KILL_GRACE_SECONDS", "soon")))
        .hasMessage("PLEXUS_KILL_GRACE_SECONDS must be a whole number, got 'soon'");
    assertThatThrownBy(() -> RunnerSettings.fromEnv(minimalWith("PLEXUS_TASK_ID_ARG", "sometimes")))
        .hasMessage("PLEXUS_TASK_ID_ARG must be auto, always or never, got 'sometimes'");
  }

  private static Map<String, String> minimalWith(String name, String value) {
    Map<String, String> env = new HashMap<>(MINIMAL);
    env.put(name, value);
    return env;
  }

  @Test
  void plexusRunnerMeansThisRunnerAsAChildJvm() {
    assertThat(CommandArgv.of("", "plexus-runner demo --seconds 3"))
        .endsWith(RunnerMain.class.getName(), "demo", "--seconds", "3")
        .contains("-cp", System.getProperty("java.class.path"));
    assertThat(CommandArgv.of("plexus-runner", "demo"))
        .endsWith(RunnerMain.class.getName(), "demo");
    assertThat(CommandArgv.of("plexus", "evaluate accuracy --scorecard-name \"agent scorecard\""))
        .containsExactly("plexus", "evaluate", "accuracy", "--scorecard-name", "agent scorecard");
  }

  @Test
  void theSelfCommandIsLoggedWithoutTheClasspath() {
    assertThat(CommandArgv.forLog(CommandArgv.of("", "plexus-runner demo --seconds 3")))
        .contains("-cp", "<runner classpath>", RunnerMain.class.getName(), "demo")
        .doesNotContain(System.getProperty("java.class.path"));
    assertThat(CommandArgv.forLog(CommandArgv.of("", "python3 -c ''")))
        .containsExactly("python3", "-c", "");
  }
}
