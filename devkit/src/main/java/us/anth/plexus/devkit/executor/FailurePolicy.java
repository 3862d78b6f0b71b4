package us.anth.plexus.devkit.executor;

import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyOnExitCodesRequirement;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRule;
import java.util.List;
import java.util.Optional;

/**
 * What the Job controller does after a failed attempt: fail the Job (a podFailurePolicy FailJob
 * rule matched the exit code, or backoffLimit is exhausted) or retry. Pure.
 */
final class FailurePolicy {
  /** The outcome: {@code failReason} is empty when the Job should retry. */
  record Decision(Optional<String> failReason, String message) {
    boolean retry() {
      return failReason.isEmpty();
    }
  }

  private FailurePolicy() {}

  static Decision afterFailure(JobSpec spec, String container, int exitCode, int failedSoFar) {
    for (PodFailurePolicyRule rule : rules(spec)) {
      PodFailurePolicyOnExitCodesRequirement req = rule.getOnExitCodes();
      if (req != null && matches(req, container, exitCode)) {
        if ("FailJob".equals(rule.getAction())) {
          return new Decision(
              Optional.of("PodFailurePolicy"),
              "Container "
                  + container
                  + " failed with exit code "
                  + exitCode
                  + " matching FailJob rule");
        }
        if ("Ignore".equals(rule.getAction())) {
          return new Decision(Optional.empty(), "ignored by podFailurePolicy");
        }
      }
    }
    int backoffLimit = Optional.ofNullable(spec.getBackoffLimit()).orElse(6);
    if (failedSoFar > backoffLimit) {
      return new Decision(
          Optional.of("BackoffLimitExceeded"), "Job has reached the specified backoff limit");
    }
    return new Decision(Optional.empty(), "retrying");
  }

  private static boolean matches(
      PodFailurePolicyOnExitCodesRequirement req, String container, int exitCode) {
    if (req.getContainerName() != null && !req.getContainerName().equals(container)) {
      return false;
    }
    boolean listed = Optional.ofNullable(req.getValues()).orElse(List.of()).contains(exitCode);
    return "NotIn".equals(req.getOperator()) ? !listed : listed;
  }

  private static List<PodFailurePolicyRule> rules(JobSpec spec) {
    return spec.getPodFailurePolicy() == null
        ? List.of()
        : Optional.ofNullable(spec.getPodFailurePolicy().getRules()).orElse(List.of());
  }
}
