package us.anth.plexus.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every CEL rule of the generated CRDs has a Java counterpart, and the counterparts decide. */
class CelRulesTest {
  @ParameterizedTest
  @MethodSource("us.anth.plexus.api.CrdFiles#names")
  void everyCelRuleInTheGeneratedCrdHasAnOperatorSideCounterpart(String file) throws IOException {
    List<Map.Entry<String, String>> rules = new ArrayList<>();
    collect(CrdFiles.read(file), rules);

    assertThat(rules).isNotEmpty();
    for (Map.Entry<String, String> rule : rules) {
      assertThat(CelRules.ALL)
          .as("CEL rule without a Java counterpart in CelRules: %s", rule.getKey())
          .anySatisfy(
              counterpart -> {
                assertThat(counterpart.expression()).isEqualTo(rule.getKey());
                assertThat(counterpart.message()).isEqualTo(rule.getValue());
              });
    }
  }

  private static void collect(JsonNode node, List<Map.Entry<String, String>> rules) {
    if (node.has("x-kubernetes-validations")) {
      for (JsonNode rule : node.get("x-kubernetes-validations")) {
        rules.add(Map.entry(rule.get("rule").asText(), rule.get("message").asText()));
      }
    }
    node.elements().forEachRemaining(child -> collect(child, rules));
  }

  @Test
  void transitionRulesCompareWithTheOldSpec() {
    PlexusTaskSpec old = spec("demo", "a/b");
    old.setTaskId("t-1");
    old.setCancel(true);
    PlexusTaskSpec edited = spec("demo --other", "a/b");
    edited.setTaskId("t-2");
    edited.setCancel(false);

    assertThat(CelRules.violations(edited, old))
        .containsExactly(
            "spec: Invalid value: \"object\": taskId is immutable once set",
            "spec: Invalid value: \"object\": command and target are immutable; create a new task"
                + " instead",
            "spec: Invalid value: \"object\": a cancelled task cannot be un-cancelled");
    assertThat(CelRules.violations(edited, null)).isEmpty();
    assertThat(CelRules.violations(old, old)).isEmpty();
  }

  @Test
  void duplicateStageNamesAndBadPoolPatternsAreFound() {
    PlexusTaskSpec spec = spec("demo", "a/b");
    spec.setTaskId("t-1");
    spec.setStages(List.of(new StageDeclaration("x", 1, null), new StageDeclaration("x", 2, null)));
    PlexusWorkerPoolSpec pool = new PlexusWorkerPoolSpec();
    pool.setTargets(List.of("a/*", "[x,y]/b", "a//b"));
    PlexusTaskSpec anonymous = spec("demo", "a/b");

    assertThat(CelRules.violations(spec, null))
        .containsExactly("spec: Invalid value: \"object\": stage names must be unique");
    assertThat(CelRules.violations(pool, null)).hasSize(1);
    assertThat(CelRules.violations(anonymous, null))
        .containsExactly(
            "spec: Invalid value: \"object\": accountId and type are required when taskId is empty"
                + " (the operator then creates the Task record)");
    anonymous.setTaskId("t-1");
    assertThat(CelRules.violations(anonymous, null)).isEmpty();
    pool.setTargets(List.of("a/*", "[x,y]/b"));
    assertThat(CelRules.violations(pool, null)).isEmpty();
  }

  private static PlexusTaskSpec spec(String command, String target) {
    PlexusTaskSpec spec = new PlexusTaskSpec();
    spec.setCommand(command);
    spec.setTarget(target);
    return spec;
  }
}
