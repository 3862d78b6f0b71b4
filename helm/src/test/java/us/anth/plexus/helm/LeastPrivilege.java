package us.anth.plexus.helm;

import java.util.Set;

/**
 * The documented least-privilege RBAC of the chart (docs/operations/rbac.md): the rendered rules
 * must equal these sets exactly, so a new permission is a deliberate change to this file and that
 * page.
 */
final class LeastPrivilege {
  static final String PLEXUS = "plexus.anth.us";

  /**
   * Operator, on namespaced resources: in the ClusterRole, or in each watched namespace's Role.
   * Derived from the operator's Kubernetes calls (see the comments in _rbac-rules.tpl): no update
   * anywhere (every write is a patch), delete on tasks for ttlSecondsAfterFinished, pods only
   * through the informer, events listed only for a pod-less Job's FailedCreate message.
   */
  static final Set<Rule> OPERATOR_NAMESPACED =
      Set.of(
          Rule.of(PLEXUS, "plexustasks", "get", "list", "watch", "patch", "delete"),
          Rule.of(PLEXUS, "plexustasks/finalizers", "update"),
          Rule.of(PLEXUS, "plexustasks/status", "patch"),
          Rule.of("batch", "jobs", "get", "list", "watch", "create", "patch", "delete"),
          Rule.of("", "pods", "list", "watch"),
          Rule.of("", "events", "list", "create", "patch"));

  /**
   * Operator, on the cluster-scoped pools (informer, status patch, InvalidSpec Events in namespace
   * default) and the approval policy it checks is installed (get by name only): always a
   * ClusterRole.
   */
  static final Set<Rule> OPERATOR_POOLS =
      Set.of(
          Rule.of(PLEXUS, "plexusworkerpools", "list", "watch"),
          Rule.of(PLEXUS, "plexusworkerpools/status", "patch"),
          new Rule(
              Set.of("admissionregistration.k8s.io"),
              Set.of("validatingadmissionpolicies", "validatingadmissionpolicybindings"),
              Set.of("plexus-task-approvals"),
              Set.of("get")),
          Rule.of("", "events", "create", "patch"));

  /** Runner, in each namespace tasks run in. */
  static final Set<Rule> RUNNER =
      Set.of(
          Rule.of(PLEXUS, "plexustasks", "get"),
          Rule.of(PLEXUS, "plexustasks/status", "get", "patch"));

  /** Bridge poller, in each namespace it creates tasks in. */
  static final Set<Rule> BRIDGE_TASKS = Set.of(Rule.of(PLEXUS, "plexustasks", "create", "get"));

  private LeastPrivilege() {}

  /**
   * Operator leader election, in the release namespace, limited to its own Lease: fabric8 renews
   * with a patch; java-operator-sdk checks for create, get and update before it starts.
   */
  static Set<Rule> leaderElection(String lease) {
    return Set.of(
        Rule.of("coordination.k8s.io", "leases", "create"),
        Rule.named("coordination.k8s.io", "leases", lease, "get", "update", "patch"));
  }

  /** Bridge poller checkpoint, in the release namespace, limited to its own ConfigMap. */
  static Set<Rule> bridgeCheckpoint(String configMap) {
    return Set.of(
        Rule.of("", "configmaps", "create"),
        Rule.named("", "configmaps", configMap, "get", "update"));
  }
}
