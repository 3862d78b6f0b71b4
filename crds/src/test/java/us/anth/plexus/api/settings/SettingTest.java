package us.anth.plexus.api.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The strict reading every process shares. */
class SettingTest {
  @Test
  void aBooleanIsTrueOrFalseAndNothingElse() {
    assertThat(DynamoDbVariables.ENABLED.read(Map.of())).isFalse();
    assertThat(DynamoDbVariables.ENABLED.read(Map.of("PLEXUS_DYNAMODB_ENABLED", " TRUE ")))
        .isTrue();
    assertThat(DynamoDbVariables.ENABLED.read(Map.of("PLEXUS_DYNAMODB_ENABLED", "false")))
        .isFalse();
    assertThatThrownBy(
            () -> DynamoDbVariables.ENABLED.read(Map.of("PLEXUS_DYNAMODB_ENABLED", "yes")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PLEXUS_DYNAMODB_ENABLED must be true or false, got 'yes'");
  }

  @Test
  void numbersPortsAndChoicesNameTheVariable() {
    assertThatThrownBy(
            () -> OperatorVariables.HEALTH_PORT.read(Map.of("PLEXUS_HEALTH_PORT", "eighty")))
        .hasMessage("PLEXUS_HEALTH_PORT must be a whole number, got 'eighty'");
    assertThatThrownBy(
            () -> OperatorVariables.METRICS_PORT.read(Map.of("PLEXUS_METRICS_PORT", "70000")))
        .hasMessage(
            "PLEXUS_METRICS_PORT must be a port from 1 to 65535 (0 = any free port), got '70000'");
    assertThatThrownBy(
            () ->
                RunnerVariables.KILL_GRACE_SECONDS.read(Map.of("PLEXUS_KILL_GRACE_SECONDS", "-1")))
        .hasMessage("PLEXUS_KILL_GRACE_SECONDS must be 0 or more, got '-1'");
    assertThatThrownBy(
            () -> BridgeVariables.MAX_ATTEMPTS.read(Map.of("PLEXUS_BRIDGE_MAX_ATTEMPTS", "0")))
        .hasMessage("PLEXUS_BRIDGE_MAX_ATTEMPTS must be at least 1, not 0");
    assertThatThrownBy(() -> LogVariables.FORMAT.read(Map.of("PLEXUS_LOG_FORMAT", "JSON")))
        .hasMessage("PLEXUS_LOG_FORMAT must be text or json, got 'JSON'");
    assertThatThrownBy(() -> RunnerVariables.TASK_NAME.read(Map.of()))
        .hasMessage("PLEXUS_TASK_NAME is not set");
  }

  @Test
  void defaultsFallBackToOtherVariablesAndKeepEmptyWhereThatMeansNone() {
    assertThat(OperatorVariables.LEADER_ELECTION_NAMESPACE.read(Map.of("POD_NAMESPACE", "ops")))
        .isEqualTo("ops");
    assertThat(BridgeVariables.CHECKPOINT_NAMESPACE.read(Map.of())).isEqualTo("default");
    assertThat(RunnerVariables.COMMAND_PREFIX.read(Map.of())).isEqualTo("plexus");
    assertThat(RunnerVariables.COMMAND_PREFIX.read(Map.of("PLEXUS_COMMAND_PREFIX", ""))).isEmpty();
    assertThat(RunnerVariables.TIMEOUT_SECONDS.read(Map.of())).isNull();
  }

  @Test
  void everyVariableIsDefinedOnceWithADescription() {
    List<Setting<?>> all = new ArrayList<>();
    all.addAll(OperatorVariables.all());
    all.addAll(RunnerVariables.all());
    all.addAll(DynamoDbVariables.all());
    all.addAll(BridgeVariables.all());
    Set<String> names = new HashSet<>();
    for (Setting<?> setting : all) {
      assertThat(setting.name()).startsWith("PLEXUS_");
      assertThat(setting.description()).isNotBlank().doesNotContain("|");
      if (setting != LogVariables.FORMAT) {
        assertThat(names.add(setting.name())).as("defined twice: %s", setting.name()).isTrue();
      }
    }
  }
}
