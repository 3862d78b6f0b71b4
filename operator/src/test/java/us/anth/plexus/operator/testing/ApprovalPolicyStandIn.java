package us.anth.plexus.operator.testing;

import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBindingBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import us.anth.plexus.api.approval.ApprovalAdmission;

/**
 * Stores the approval policy and binding objects in the mock API so the operator finds them. The
 * mock does not enforce them: the policy itself is tested on the real control plane
 * (control-plane-it ApprovalPolicyIT).
 */
public final class ApprovalPolicyStandIn {
  private ApprovalPolicyStandIn() {}

  /** Creates the policy and a binding that denies through it. */
  public static void install(KubernetesClient client) {
    var admission = client.admissionRegistration().v1();
    admission
        .validatingAdmissionPolicies()
        .resource(
            new ValidatingAdmissionPolicyBuilder()
                .withNewMetadata()
                .withName(ApprovalAdmission.POLICY)
                .endMetadata()
                .withNewSpec()
                .withFailurePolicy("Fail")
                .endSpec()
                .build())
        .create();
    admission
        .validatingAdmissionPolicyBindings()
        .resource(
            new ValidatingAdmissionPolicyBindingBuilder()
                .withNewMetadata()
                .withName(ApprovalAdmission.BINDING)
                .endMetadata()
                .withNewSpec()
                .withPolicyName(ApprovalAdmission.POLICY)
                .withValidationActions("Deny")
                .endSpec()
                .build())
        .create();
  }
}
