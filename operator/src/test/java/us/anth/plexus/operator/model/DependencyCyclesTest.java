package us.anth.plexus.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyCyclesTest {
  private static final Map<String, List<String>> GRAPH =
      Map.of(
          "self", List.of("self"),
          "a", List.of("x", "b"),
          "b", List.of("c"),
          "c", List.of("a"),
          "x", List.of("y"),
          "y", List.of(),
          "waiter", List.of("a"));

  private static List<String> deps(String name) {
    return GRAPH.getOrDefault(name, List.of());
  }

  @Test
  void selfDependencyIsACycle() {
    assertThat(DependencyCycles.through("self", DependencyCyclesTest::deps))
        .contains(List.of("self", "self"));
  }

  @Test
  void everyMemberOfALongerCycleFindsIt() {
    assertThat(DependencyCycles.through("a", DependencyCyclesTest::deps))
        .map(DependencyCycles::describe)
        .contains("a -> b -> c -> a");
    assertThat(DependencyCycles.through("c", DependencyCyclesTest::deps))
        .map(DependencyCycles::describe)
        .contains("c -> a -> b -> c");
  }

  @Test
  void aTaskThatOnlyWaitsOnACycleIsNotInIt() {
    assertThat(DependencyCycles.through("waiter", DependencyCyclesTest::deps)).isEmpty();
    assertThat(DependencyCycles.through("x", DependencyCyclesTest::deps)).isEmpty();
    assertThat(DependencyCycles.through("missing", DependencyCyclesTest::deps)).isEmpty();
  }
}
