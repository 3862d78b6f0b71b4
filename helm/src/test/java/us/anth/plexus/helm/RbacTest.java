package us.anth.plexus.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RbacTest {
  private static final String OPERATOR = "plexus-operator";
  private static final String NS = Chart.NAMESPACE;

  @Test
  void allNamespacesWatchedGivesOneClusterRoleWithExactlyTheDocumentedRules() {
    RenderedChart chart = Chart.render();
    assertThat(rules(chart.one(ClusterRole.class, OPERATOR)))
        .isEqualTo(LeastPrivilege.OPERATOR_NAMESPACED);
    assertThat(rules(chart.one(ClusterRole.class, OPERATOR + "-pools")))
        .isEqualTo(LeastPrivilege.OPERATOR_POOLS);
    assertThat(names(chart.all(ClusterRole.class)))
        .containsExactlyInAnyOrder(OPERATOR, OPERATOR + "-pools", "plexus-approver");
    assertThat(chart.all(ClusterRoleBinding.class))
        .allSatisfy(
            binding -> assertThat(binding.getSubjects()).containsExactly(operatorSa(OPERATOR)));
    assertThat(names(chart.all(Role.class))).containsExactly(OPERATOR + "-runner");
  }

  @Test
  void watchNamespacesGiveARolePerNamespaceAndAClusterRoleOnlyForPools() {
    RenderedChart chart = Chart.render("values-full.yaml");
    assertThat(names(chart.all(ClusterRole.class)))
        .containsExactlyInAnyOrder(OPERATOR + "-pools", "plexus-approver");
    for (String namespace : List.of("team-a", "team-b")) {
      assertRoleBoundTo(
          chart,
          namespace,
          OPERATOR,
          LeastPrivilege.OPERATOR_NAMESPACED,
          operatorSa("plexus-operator-sa"));
    }
    assertThat(
            chart.all(Role.class).stream().filter(r -> r.getMetadata().getName().equals(OPERATOR)))
        .hasSize(2);
  }

  @Test
  void runnerMayOnlyReadItsTaskAndPatchItsStatusInEachTaskNamespace() {
    RenderedChart chart = Chart.render("values-full.yaml");
    for (String namespace : List.of("team-a", "team-b")) {
      assertRoleBoundTo(
          chart,
          namespace,
          OPERATOR + "-runner",
          LeastPrivilege.RUNNER,
          sa("plexus-task-runner", namespace));
      assertThat(chart.one(ServiceAccount.class, namespace, "plexus-task-runner")).isNotNull();
    }
  }

  @Test
  void leaderElectionRoleExistsOnlyWithLeaderElectionAndOnlyForItsLease() {
    assertThat(Chart.render().find(Role.class, OPERATOR + "-leader-election")).isEmpty();
    RenderedChart chart = Chart.render("values-full.yaml");
    assertRoleBoundTo(
        chart,
        NS,
        OPERATOR + "-leader-election",
        LeastPrivilege.leaderElection("plexus-leader"),
        operatorSa("plexus-operator-sa"));
  }

  @Test
  void bridgeMayCreateTasksInTargetNamespacesAndTouchOnlyItsCheckpoint() {
    RenderedChart chart = Chart.render("values-full.yaml");
    for (String namespace : List.of("team-a", "team-b")) {
      assertRoleBoundTo(
          chart,
          namespace,
          OPERATOR + "-bridge",
          LeastPrivilege.BRIDGE_TASKS,
          sa("plexus-bridge", NS));
    }
    assertRoleBoundTo(
        chart,
        NS,
        OPERATOR + "-bridge-checkpoint",
        LeastPrivilege.bridgeCheckpoint("plexus-stream-checkpoint"),
        sa("plexus-bridge", NS));
  }

  /**
   * The Role has exactly {@code expected} rules and its same-named RoleBinding binds only {@code
   * subject}.
   */
  private static void assertRoleBoundTo(
      RenderedChart chart, String namespace, String name, Set<Rule> expected, Subject subject) {
    assertThat(rules(chart.one(Role.class, namespace, name)))
        .as("Role %s/%s", namespace, name)
        .isEqualTo(expected);
    RoleBinding binding = chart.one(RoleBinding.class, namespace, name);
    assertThat(binding.getRoleRef().getName()).isEqualTo(name);
    assertThat(binding.getSubjects()).containsExactly(subject);
  }

  private static Set<Rule> rules(Role role) {
    return Rule.from(role.getRules());
  }

  private static Set<Rule> rules(ClusterRole role) {
    assertThat(role.getAggregationRule()).isNull();
    return Rule.from(role.getRules());
  }

  private static List<String> names(List<? extends HasMetadata> objects) {
    return objects.stream().map(o -> o.getMetadata().getName()).toList();
  }

  private static Subject operatorSa(String name) {
    return sa(name, NS);
  }

  private static Subject sa(String name, String namespace) {
    return new Subject(null, "ServiceAccount", name, namespace);
  }
}
