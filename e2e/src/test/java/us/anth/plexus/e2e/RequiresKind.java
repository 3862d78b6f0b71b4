package us.anth.plexus.e2e;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Disables the E2E suite, with the reason in the test report, where kind cannot run. */
final class RequiresKind implements ExecutionCondition {
  static final String IMAGE = System.getProperty("plexus.e2e.runnerImage", "plexus-runner:e2e");

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String reason = KindCluster.unavailableReason(IMAGE);
    return reason == null
        ? ConditionEvaluationResult.enabled("Docker and " + IMAGE + " available")
        : ConditionEvaluationResult.disabled("kind E2E skipped: " + reason);
  }
}
