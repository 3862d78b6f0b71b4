package us.anth.plexus.e2e;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Disables the E2E suite, with the reason in the test report, where no real cluster can run. */
final class RequiresCluster implements ExecutionCondition {
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String reason = E2eClusters.unavailableReason();
    return reason == null
        ? ConditionEvaluationResult.enabled("a real cluster is available")
        : ConditionEvaluationResult.disabled("E2E skipped: " + reason);
  }
}
