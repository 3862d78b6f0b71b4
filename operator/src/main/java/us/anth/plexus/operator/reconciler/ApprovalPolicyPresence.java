package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicy;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import us.anth.plexus.api.approval.ApprovalAdmission;

/**
 * Whether the chart's approval admission policy and its binding are installed and enforcing, so
 * that spec.approval can be trusted. Looked up at most every {@link #TTL}; a failed lookup counts
 * as missing and says why.
 */
final class ApprovalPolicyPresence {
  static final Duration TTL = Duration.ofSeconds(30);

  private final KubernetesClient client;
  private Instant checkedAt;
  private Optional<String> missing = Optional.empty();

  ApprovalPolicyPresence(KubernetesClient client) {
    this.client = client;
  }

  /** Why approvals cannot be trusted now, or empty when the policy is installed and enforcing. */
  synchronized Optional<String> missing(Instant now) {
    if (checkedAt == null || !now.isBefore(checkedAt.plus(TTL))) {
      missing = lookUp();
      checkedAt = now;
    }
    return missing;
  }

  private Optional<String> lookUp() {
    try {
      var admission = client.admissionRegistration().v1();
      ValidatingAdmissionPolicy policy =
          admission.validatingAdmissionPolicies().withName(ApprovalAdmission.POLICY).get();
      if (policy == null) {
        return Optional.of("ValidatingAdmissionPolicy " + ApprovalAdmission.POLICY + " not found");
      }
      ValidatingAdmissionPolicyBinding binding =
          admission.validatingAdmissionPolicyBindings().withName(ApprovalAdmission.BINDING).get();
      if (binding == null) {
        return Optional.of(
            "ValidatingAdmissionPolicyBinding " + ApprovalAdmission.BINDING + " not found");
      }
      var spec = binding.getSpec();
      List<String> actions = spec == null ? null : spec.getValidationActions();
      if (spec == null
          || !ApprovalAdmission.POLICY.equals(spec.getPolicyName())
          || actions == null
          || !actions.contains("Deny")) {
        return Optional.of(
            "ValidatingAdmissionPolicyBinding "
                + ApprovalAdmission.BINDING
                + " does not deny through policy "
                + ApprovalAdmission.POLICY);
      }
      return Optional.empty();
    } catch (KubernetesClientException e) {
      return Optional.of(
          "cannot read the approval admission policy (HTTP "
              + e.getCode()
              + "): "
              + e.getMessage());
    }
  }
}
