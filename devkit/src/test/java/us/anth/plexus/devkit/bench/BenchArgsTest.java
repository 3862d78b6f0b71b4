package us.anth.plexus.devkit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchArgsTest {
  @Test
  void defaultsAndOptions() {
    assertThat(BenchArgs.parseStrictly(new String[0], 200))
        .isEqualTo(new BenchArgs(200, "embedded", 1, false));
    assertThat(
            BenchArgs.parseStrictly(
                new String[] {"--n", "1000", "--api", "LOCAL", "--reps", "3", "--table"}, 200))
        .isEqualTo(new BenchArgs(1000, "local", 3, true));
  }

  @Test
  void badOptionsAreRefusedWithAReason() {
    assertThatThrownBy(() -> BenchArgs.parseStrictly(new String[] {"--api", "kind"}, 1))
        .hasMessage("--api must be embedded or local, not kind");
    assertThatThrownBy(() -> BenchArgs.parseStrictly(new String[] {"--reps"}, 1))
        .hasMessage("--reps needs a value");
    assertThatThrownBy(() -> BenchArgs.parseStrictly(new String[] {"--x"}, 1))
        .hasMessage("unknown option --x");
  }

  @Test
  void percentilesAreNearestRank() {
    List<Long> values = List.of(5L, 1L, 4L, 2L, 3L);
    assertThat(Percentiles.of(values, 50)).isEqualTo(3);
    assertThat(Percentiles.of(values, 99)).isEqualTo(5);
    assertThat(Percentiles.of(List.of(), 50)).isZero();
  }
}
