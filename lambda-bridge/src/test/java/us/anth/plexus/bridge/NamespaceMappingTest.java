package us.anth.plexus.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NamespaceMappingTest {
  @Test
  void mapsAccountsAndFallsBackToTheDefault() {
    var mapping = NamespaceMapping.parse(" acct1=team-a , acct2=team-b,", "plexus-tasks");
    assertThat(mapping.namespaceFor("acct1")).isEqualTo("team-a");
    assertThat(mapping.namespaceFor("acct2")).isEqualTo("team-b");
    assertThat(mapping.namespaceFor("acct3")).isEqualTo("plexus-tasks");
    assertThat(mapping.namespaceFor(null)).isEqualTo("plexus-tasks");
  }

  @Test
  void emptyConfigurationUsesPlexus() {
    assertThat(NamespaceMapping.parse("", "").namespaceFor("any")).isEqualTo("plexus");
  }

  @Test
  void malformedEntryIsNamed() {
    assertThatThrownBy(() -> NamespaceMapping.parse("acct1=a,acct2", null))
        .hasMessage("PLEXUS_BRIDGE_NAMESPACE_MAP entry 'acct2' is not 'accountId=namespace'");
  }
}
