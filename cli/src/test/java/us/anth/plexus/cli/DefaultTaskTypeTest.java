package us.anth.plexus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DefaultTaskTypeTest {
  @Test
  void skipsALeadingPlexusExecutable() {
    assertThat(DefaultTaskType.of("plexus evaluate accuracy --scorecard x")).isEqualTo("evaluate");
    assertThat(DefaultTaskType.of("plexus-runner demo --seconds 3")).isEqualTo("demo");
    assertThat(DefaultTaskType.of("/usr/local/bin/plexus report run")).isEqualTo("report");
  }

  @Test
  void otherwiseTakesTheFirstWord() {
    assertThat(DefaultTaskType.of("evaluate accuracy")).isEqualTo("evaluate");
    assertThat(DefaultTaskType.of("  bash -c 'sleep 1'")).isEqualTo("bash");
    assertThat(DefaultTaskType.of("plexus")).isEqualTo("plexus");
    assertThat(DefaultTaskType.of("'unbalanced quote")).isEqualTo("'unbalanced");
  }
}
