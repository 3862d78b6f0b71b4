package us.anth.plexus.api.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTaskSpec;
import us.anth.plexus.api.PlexusWorkerPoolSpec;
import us.anth.plexus.api.RetryPolicy;
import us.anth.plexus.api.TaskIdArgument;
import us.anth.plexus.api.target.Target;

/** The schema's bounds, read from the model's annotations, with the API server's messages. */
class SchemaRulesTest {
  private static PlexusTaskSpec valid() {
    PlexusTaskSpec spec = new PlexusTaskSpec();
    spec.setAccountId("acct");
    spec.setType("demo");
    spec.setTarget("a/b");
    spec.setCommand("demo");
    return spec;
  }

  @Test
  void aValidSpecHasNoViolations() {
    assertThat(SchemaRules.violations(valid(), "spec")).isEmpty();
  }

  @Test
  void boundsLengthsRequiredAndPatternAreChecked() {
    PlexusTaskSpec spec = valid();
    spec.setAccountId("");
    spec.setTimeoutSeconds(-5L);
    spec.setRetry(new RetryPolicy(1000, null));
    spec.setCommand("x".repeat(40_000));
    spec.setTarget("a\u0007b");
    spec.setDependsOn(Collections.nCopies(21, "d"));

    assertThat(SchemaRules.violations(spec, "spec"))
        .containsExactlyInAnyOrder(
            "spec.accountId: Invalid value: \"\": spec.accountId in body should be at least 1"
                + " chars long",
            "spec.timeoutSeconds: Invalid value: -5: spec.timeoutSeconds in body should be greater"
                + " than or equal to 1",
            "spec.retry.maxRetries: Invalid value: 1000: spec.retry.maxRetries in body should be"
                + " less than or equal to 20",
            "spec.command: Too long: may not be more than 32768 bytes",
            "spec.target: Invalid value: \"a\u0007b\": spec.target in body should match '"
                + Target.PRINTABLE_REGEX
                + "'",
            "spec.dependsOn: Too many: 21: must have at most 20 items");
  }

  @Test
  void listElementBoundsAreChecked() {
    PlexusWorkerPoolSpec pool = new PlexusWorkerPoolSpec();
    pool.setTargets(List.of("a/b", "x".repeat(1100)));

    assertThat(SchemaRules.violations(pool, "spec"))
        .containsExactly("spec.targets[1]: Too long: may not be more than 1024 bytes");
  }

  /**
   * A real API server applies the CRD's defaults, so a pool read back has its enum fields set
   * (taskIdArgument: auto); an enum of the model package is a value, not an object to walk (walking
   * it reflected into java.lang.Enum and failed every pool reconcile on the real control plane).
   */
  @Test
  void enumValuesOfTheModelAreValuesNotObjects() {
    PlexusWorkerPoolSpec pool = new PlexusWorkerPoolSpec();
    pool.setTargets(List.of("a/b"));
    pool.setTaskIdArgument(TaskIdArgument.auto);

    assertThat(SchemaRules.violations(pool, "spec")).isEmpty();
  }
}
