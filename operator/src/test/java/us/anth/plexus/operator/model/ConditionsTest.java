package us.anth.plexus.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {
  private static final String T1 = "2026-11-23T10:00:00Z";
  private static final String T2 = "2026-11-23T11:00:00Z";

  @Test
  void unchangedConditionKeepsItsTransitionTimeButTakesTheNewGeneration() {
    List<Condition> first = Conditions.set(null, "Ready", false, "Queued", "waiting", 1L, T1);
    List<Condition> second = Conditions.set(first, "Ready", false, "Queued", "waiting", 2L, T2);
    Condition ready = Conditions.find(second, "Ready").orElseThrow();
    assertThat(ready.getLastTransitionTime()).isEqualTo(T1);
    assertThat(ready.getObservedGeneration()).isEqualTo(2L);
    assertThat(second).hasSize(1);
  }

  @Test
  void changedStatusReasonOrMessageMovesTheTransitionTime() {
    List<Condition> first = Conditions.set(null, "Ready", false, "Queued", "waiting", 1L, T1);
    assertThat(transition(Conditions.set(first, "Ready", true, "Queued", "waiting", 1L, T2)))
        .isEqualTo(T2);
    assertThat(transition(Conditions.set(first, "Ready", false, "Running", "waiting", 1L, T2)))
        .isEqualTo(T2);
    assertThat(transition(Conditions.set(first, "Ready", false, "Queued", "other", 1L, T2)))
        .isEqualTo(T2);
  }

  @Test
  void otherConditionsAreKeptAndRemovalWorks() {
    List<Condition> both =
        Conditions.set(
            Conditions.set(null, "Ready", false, "A", "a", 1L, T1),
            "Scheduled",
            true,
            "B",
            "b",
            1L,
            T1);
    assertThat(both).extracting(Condition::getType).containsExactly("Ready", "Scheduled");
    assertThat(Conditions.remove(both, "Ready"))
        .extracting(Condition::getType)
        .containsExactly("Scheduled");
    assertThat(Conditions.isFalseWithReason(both, "Ready", "A")).isTrue();
    assertThat(Conditions.isFalseWithReason(both, "Scheduled", "B")).isFalse();
  }

  private static String transition(List<Condition> conditions) {
    return Conditions.find(conditions, "Ready").orElseThrow().getLastTransitionTime();
  }
}
