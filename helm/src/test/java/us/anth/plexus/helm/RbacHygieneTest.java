package us.anth.plexus.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Properties every rendered RBAC object must have, whatever the values. */
class RbacHygieneTest {
  @Test
  void noRuleAnywhereUsesAWildcard() {
    for (RenderedChart chart : List.of(Chart.render(), Chart.render("values-full.yaml"))) {
      List<Rule> all =
          chart.all(Role.class).stream().flatMap(r -> Rule.from(r.getRules()).stream()).toList();
      List<Rule> cluster =
          chart.all(ClusterRole.class).stream()
              .flatMap(r -> Rule.from(r.getRules()).stream())
              .toList();
      assertThat(all).isNotEmpty();
      assertThat(cluster).isNotEmpty();
      for (Rule rule : concat(all, cluster)) {
        assertThat(rule.verbs()).doesNotContain("*");
        assertThat(rule.resources()).doesNotContain("*").noneMatch(r -> r.endsWith("/*"));
        assertThat(rule.apiGroups()).doesNotContain("*");
        assertThat(rule.resources()).doesNotContain("secrets");
      }
    }
  }

  @Test
  void everyBindingRefersToARenderedRoleOfItsNamespace() {
    RenderedChart chart = Chart.render("values-full.yaml");
    for (RoleBinding binding : chart.all(RoleBinding.class)) {
      String namespace = binding.getMetadata().getNamespace();
      assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
      assertThat(chart.one(Role.class, namespace, binding.getRoleRef().getName())).isNotNull();
    }
    for (ClusterRoleBinding binding : chart.all(ClusterRoleBinding.class)) {
      assertThat(chart.find(ClusterRole.class, binding.getRoleRef().getName())).isPresent();
    }
  }

  @Test
  void rbacCreateFalseRendersNoRbac() {
    RenderedChart chart = Chart.parse(Chart.template().set("rbac.create", false).call());
    assertThat(chart.all(Role.class)).isEmpty();
    assertThat(chart.all(ClusterRole.class)).isEmpty();
    assertThat(chart.all(RoleBinding.class)).isEmpty();
    assertThat(chart.all(ClusterRoleBinding.class)).isEmpty();
  }

  private static List<Rule> concat(List<Rule> a, List<Rule> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }
}
