package us.anth.plexus.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlexusOperatorTest {
  @Test
  void leaderElectionIsOffByDefault() {
    assertThat(PlexusOperator.leaderElectionFor(OperatorConfig.defaults(), () -> {})).isEmpty();
  }

  @Test
  void leaderElectionUsesTheConfiguredLeaseInThePodNamespace() {
    OperatorConfig config =
        OperatorConfig.fromEnv(
            Map.of("PLEXUS_LEADER_ELECTION", "true", "POD_NAMESPACE", "plexus-system"));
    var lease = PlexusOperator.leaderElectionFor(config, () -> {}).orElseThrow();
    assertThat(lease.getLeaseName()).isEqualTo("plexus-operator-leader");
    assertThat(lease.getLeaseNamespace()).contains("plexus-system");
  }

  @Test
  void withoutANamespaceTheLeaseNamespaceIsLeftToTheSdk() {
    OperatorConfig config = OperatorConfig.fromEnv(Map.of("PLEXUS_LEADER_ELECTION", "true"));
    assertThat(PlexusOperator.leaderElectionFor(config, () -> {}).orElseThrow().getLeaseNamespace())
        .isEmpty();
  }

  @Test
  void leaderElectionExitsThroughOurCallbackNotTheSdk() {
    Runnable onStopLeading = () -> {};
    var lease =
        PlexusOperator.leaderElectionFor(
                OperatorConfig.fromEnv(Map.of("PLEXUS_LEADER_ELECTION", "true")), onStopLeading)
            .orElseThrow();
    assertThat(lease.isExitOnStopLeading()).isFalse();
    assertThat(lease.getLeaderCallbacks()).isPresent();
    assertThat(lease.getLeaseDuration()).isEqualTo(PlexusOperator.LEASE_DURATION);
    assertThat(lease.getRenewDeadline()).isLessThan(lease.getLeaseDuration());
  }
}
