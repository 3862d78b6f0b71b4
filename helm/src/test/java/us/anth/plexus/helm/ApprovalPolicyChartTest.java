package us.anth.plexus.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicy;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBinding;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.Validation;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.approval.ApprovalAdmission;

/**
 * The chart's approval admission objects: the policy and binding under the names the operator looks
 * up, the approver ClusterRole with the verb the policy checks, the creator-stamping
 * MutatingAdmissionPolicy only on Kubernetes 1.36+, and the values that shape them. What the policy
 * admits is proven on a real API server (control-plane-it ApprovalPolicyIT).
 */
class ApprovalPolicyChartTest {
  @Test
  void defaultsInstallThePolicyBindingAndApproverRoleUnderTheSharedNames() {
    RenderedChart chart = Chart.render();
    ValidatingAdmissionPolicy policy =
        chart.one(ValidatingAdmissionPolicy.class, ApprovalAdmission.POLICY);
    ValidatingAdmissionPolicyBinding binding =
        chart.one(ValidatingAdmissionPolicyBinding.class, ApprovalAdmission.BINDING);
    assertThat(binding.getSpec().getPolicyName()).isEqualTo(ApprovalAdmission.POLICY);
    assertThat(binding.getSpec().getValidationActions()).containsExactly("Deny");
    assertThat(binding.getSpec().getMatchResources()).isNull();
    assertThat(policy.getSpec().getFailurePolicy()).isEqualTo("Fail");
    assertThat(expressions(policy))
        .anySatisfy(e -> assertThat(e).contains("check('" + ApprovalAdmission.VERB + "')"))
        .anySatisfy(e -> assertThat(e).contains("|| false ||"));
    assertThat(chart.yaml()).contains("'" + ApprovalAdmission.CREATED_BY_ANNOTATION + "'");

    ClusterRole approver = chart.one(ClusterRole.class, ApprovalAdmission.APPROVER_CLUSTER_ROLE);
    assertThat(approver.getRules()).hasSize(1);
    assertThat(approver.getRules().get(0).getVerbs()).contains(ApprovalAdmission.VERB, "patch");
    assertThat(approver.getRules().get(0).getResources()).containsExactly("plexustasks");
    // the default Kubernetes version of an offline render is below 1.36
    assertThat(kinds(chart)).doesNotContain("MutatingAdmissionPolicy");
  }

  @Test
  void kubernetes136AlsoGetsTheCreatorStampingMutatingPolicy() {
    RenderedChart chart = Chart.parse(Chart.template().withKubeVersion("1.36.3").call());
    assertThat(kinds(chart)).contains("MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding");
    assertThat(chart.yaml())
        .contains("request.userInfo.username}}}")
        .contains("policyName: plexus-task-creator");
  }

  @Test
  void valuesTurnSelfApprovalOnScopeTheBindingOrLeaveThePolicyOut() {
    RenderedChart chart =
        Chart.parse(
            Chart.template()
                .withKubeVersion("1.36.3")
                .set("approvals.allowSelfApproval", true)
                .set("approvals.namespaceSelector.matchLabels.team", "ops")
                .call());
    ValidatingAdmissionPolicy policy =
        chart.one(ValidatingAdmissionPolicy.class, ApprovalAdmission.POLICY);
    assertThat(expressions(policy)).anySatisfy(e -> assertThat(e).contains("|| true ||"));
    assertThat(
            chart
                .one(ValidatingAdmissionPolicyBinding.class, ApprovalAdmission.BINDING)
                .getSpec()
                .getMatchResources()
                .getNamespaceSelector()
                .getMatchLabels())
        .containsEntry("team", "ops");

    RenderedChart off =
        Chart.parse(
            Chart.template()
                .withKubeVersion("1.36.3")
                .set("approvals.policy.enabled", false)
                .call());
    assertThat(kinds(off))
        .doesNotContain(
            "ValidatingAdmissionPolicy",
            "ValidatingAdmissionPolicyBinding",
            "MutatingAdmissionPolicy");
  }

  private static List<String> expressions(ValidatingAdmissionPolicy policy) {
    return policy.getSpec().getValidations().stream().map(Validation::getExpression).toList();
  }

  private static List<String> kinds(RenderedChart chart) {
    return chart.objects().stream().map(HasMetadata::getKind).toList();
  }
}
