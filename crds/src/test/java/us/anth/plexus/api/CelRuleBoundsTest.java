package us.anth.plexus.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fails when a CEL rule of a CRD reads a string, list or map without a size bound: the fabric8 mock
 * server never evaluates CEL, but a real API server would reject such a CRD ("estimated rule cost
 * exceeds budget").
 */
class CelRuleBoundsTest {
  @ParameterizedTest
  @MethodSource("us.anth.plexus.api.CrdFiles#names")
  void everyValueACelRuleReadsIsBounded(String file) throws IOException {
    JsonNode schema = CrdFiles.read(file).at("/spec/versions/0/schema/openAPIV3Schema");

    CelRuleBounds bounds = CelRuleBounds.check(schema, "");

    assertThat(bounds.rules()).as("CEL rules in %s", file).isPositive();
    assertThat(bounds.problems()).as("unbounded values read by CEL rules in %s", file).isEmpty();
  }

  @Test
  void flagsAListRuleOverUnboundedStrings() throws IOException {
    JsonNode schema =
        yaml(
            """
            properties:
              targets:
                type: array
                items: {type: string}
                x-kubernetes-validations:
                - rule: "self.all(p, p.matches('^a/b$'))"
            """);

    assertThat(CelRuleBounds.check(schema, "spec").problems())
        .containsExactly(
            "spec.targets (array) has no maxItems; rule 'self.all(p, p.matches('^a/b$'))'"
                + " reads it",
            "spec.targets[] (string) has no maxLength; rule 'self.all(p, p.matches('^a/b$'))'"
                + " reads it");
  }

  @Test
  void checksOnlyTheFieldsARuleSelects() throws IOException {
    JsonNode schema =
        yaml(
            """
            type: object
            properties:
              name: {type: string}
              note: {type: string}
              stages:
                type: array
                maxItems: 5
                items:
                  type: object
                  properties:
                    id: {type: string}
                    label: {type: string}
              labels:
                type: object
                additionalProperties: {type: string, maxLength: 9}
            x-kubernetes-validations:
            - rule: "self.name == oldSelf.name && self.stages.all(s, s.id != '')"
            - rule: "size(self.labels) < 3"
            """);

    assertThat(CelRuleBounds.check(schema, "spec").problems())
        .containsExactly(
            "spec.name (string) has no maxLength; rule 'self.name == oldSelf.name &&"
                + " self.stages.all(s, s.id != '')' reads it",
            "spec.stages[].id (string) has no maxLength; rule 'self.name == oldSelf.name &&"
                + " self.stages.all(s, s.id != '')' reads it",
            "spec.labels (object) has no maxProperties; rule 'size(self.labels) < 3' reads it");
  }

  @Test
  void aRuleOnWholeSelfReadsEverythingBelow() throws IOException {
    JsonNode schema =
        yaml(
            """
            type: object
            properties:
              extra: {type: object, x-kubernetes-preserve-unknown-fields: true}
              bounded: {type: string, maxLength: 10}
              when: {type: string, format: date-time}
            x-kubernetes-validations:
            - rule: "self == oldSelf"
            """);

    assertThat(CelRuleBounds.check(schema, "spec").problems())
        .containsExactly(
            "spec.extra (object) is free-form (size unknown); rule 'self == oldSelf'"
                + " reads it");
  }

  private static JsonNode yaml(String text) throws IOException {
    return CrdFiles.YAML.readTree(text);
  }
}
