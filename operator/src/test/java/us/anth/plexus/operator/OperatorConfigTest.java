package us.anth.plexus.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorConfigTest {
  @Test
  void defaultsMatchTheContract() {
    OperatorConfig config = OperatorConfig.defaults();
    assertThat(config.watchesAllNamespaces()).isTrue();
    assertThat(config.runnerImage()).isEqualTo("ghcr.io/anthusai/plexus-runner:latest");
    assertThat(config.runnerImagePullPolicy()).isEqualTo("IfNotPresent");
    assertThat(config.runnerServiceAccount()).isEqualTo("plexus-runner");
    assertThat(config.terminationGraceSeconds()).isEqualTo(30);
    assertThat(config.leaderElection()).isFalse();
    assertThat(config.leaderElectionLease()).isEqualTo("plexus-operator-leader");
    assertThat(config.healthPort()).isEqualTo(8081);
    assertThat(config.metricsPort()).isEqualTo(8080);
    assertThat(config.logFormat()).isEqualTo("text");
    assertThat(config.storeEnv()).isEmpty();
    assertThat(config.podStartGraceSeconds()).isEqualTo(300);
    assertThat(config.deleteMirrorTimeoutSeconds()).isEqualTo(300);
  }

  @Test
  void readsEveryVariable() {
    OperatorConfig config =
        OperatorConfig.fromEnv(
            Map.ofEntries(
                Map.entry("PLEXUS_WATCH_NAMESPACES", " a, b ,,"),
                Map.entry("PLEXUS_RUNNER_IMAGE", "img:1"),
                Map.entry("PLEXUS_RUNNER_IMAGE_PULL_POLICY", "Always"),
                Map.entry("PLEXUS_RUNNER_SERVICE_ACCOUNT", "sa"),
                Map.entry("PLEXUS_TERMINATION_GRACE_SECONDS", "5"),
                Map.entry("PLEXUS_LEADER_ELECTION", "true"),
                Map.entry("POD_NAMESPACE", "ops"),
                Map.entry("PLEXUS_LEADER_ELECTION_LEASE", "lease"),
                Map.entry("PLEXUS_HEALTH_PORT", "9001"),
                Map.entry("PLEXUS_METRICS_PORT", "9002"),
                Map.entry("PLEXUS_LOG_FORMAT", "json"),
                Map.entry("PLEXUS_DYNAMODB_ENABLED", "true"),
                Map.entry("PLEXUS_POD_START_GRACE_SECONDS", "60"),
                Map.entry("PLEXUS_DELETE_MIRROR_TIMEOUT_SECONDS", "20"),
                Map.entry("OTHER", "x")));
    assertThat(config.watchNamespaces()).containsExactlyInAnyOrder("a", "b");
    assertThat(config.runnerImage()).isEqualTo("img:1");
    assertThat(config.runnerImagePullPolicy()).isEqualTo("Always");
    assertThat(config.runnerServiceAccount()).isEqualTo("sa");
    assertThat(config.terminationGraceSeconds()).isEqualTo(5);
    assertThat(config.leaderElection()).isTrue();
    assertThat(config.leaderElectionNamespace()).isEqualTo("ops");
    assertThat(config.leaderElectionLease()).isEqualTo("lease");
    assertThat(config.healthPort()).isEqualTo(9001);
    assertThat(config.metricsPort()).isEqualTo(9002);
    assertThat(config.logFormat()).isEqualTo("json");
    assertThat(config.storeEnv()).containsExactly(Map.entry("PLEXUS_DYNAMODB_ENABLED", "true"));
    assertThat(config.podStartGraceSeconds()).isEqualTo(60);
    assertThat(config.deleteMirrorTimeoutSeconds()).isEqualTo(20);
  }

  @Test
  void explicitLeaseNamespaceWinsOverPodNamespace() {
    OperatorConfig config =
        OperatorConfig.fromEnv(
            Map.of("POD_NAMESPACE", "ops", "PLEXUS_LEADER_ELECTION_NAMESPACE", "lead"));
    assertThat(config.leaderElectionNamespace()).isEqualTo("lead");
  }

  @Test
  void logFormatIsTextOrJson() {
    assertThat(OperatorConfig.fromEnv(Map.of("PLEXUS_LOG_FORMAT", " ")).logFormat())
        .isEqualTo("text");
    assertThatThrownBy(() -> OperatorConfig.fromEnv(Map.of("PLEXUS_LOG_FORMAT", "JSON")))
        .hasMessage("PLEXUS_LOG_FORMAT must be text or json, got 'JSON'");
  }

  @Test
  void badNumbersAreOneReadableLine() {
    assertThatThrownBy(() -> OperatorConfig.fromEnv(Map.of("PLEXUS_HEALTH_PORT", "eighty")))
        .hasMessage("PLEXUS_HEALTH_PORT must be a whole number, got 'eighty'");
  }

  @Test
  void negativeDurationsAreRejected() {
    for (String key :
        List.of(
            "PLEXUS_TERMINATION_GRACE_SECONDS",
            "PLEXUS_POD_START_GRACE_SECONDS",
            "PLEXUS_DELETE_MIRROR_TIMEOUT_SECONDS")) {
      assertThatThrownBy(() -> OperatorConfig.fromEnv(Map.of(key, "-1")))
          .hasMessage(key + " must be 0 or more, got '-1'");
      assertThat(OperatorConfig.fromEnv(Map.of(key, "0"))).isNotNull();
    }
  }

  @Test
  void portsAreFromZeroTo65535() {
    for (String key : List.of("PLEXUS_HEALTH_PORT", "PLEXUS_METRICS_PORT")) {
      for (String bad : List.of("-8080", "65536", "4294975377")) {
        assertThatThrownBy(() -> OperatorConfig.fromEnv(Map.of(key, bad)))
            .hasMessage(
                key + " must be a port from 1 to 65535 (0 = any free port), got '" + bad + "'");
      }
    }
    OperatorConfig edges =
        OperatorConfig.fromEnv(Map.of("PLEXUS_HEALTH_PORT", "0", "PLEXUS_METRICS_PORT", "65535"));
    assertThat(edges.healthPort()).isZero();
    assertThat(edges.metricsPort()).isEqualTo(65535);
  }
}
