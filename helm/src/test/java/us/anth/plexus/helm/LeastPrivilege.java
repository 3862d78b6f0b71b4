package us.anth.plexus.helm;

import java.util.Set;

/**
 * The documented least-privilege RBAC of the chart (README, section Helm): the rendered rules must
 * equal these sets exactly, so a new permission is a deliberate change to this file and the README.
 */
final class LeastPrivilege {
  static final String PLEXUS = "plexus.anth.us";

  /** Operator, on namespaced resources: in the ClusterRole, or in each watched namespace's Role. */
  static final Set<Rule> OPERATOR_NAMESPACED =
      Set.of(
          Rule.of(PLEXUS, "plexustasks", "get", "list", "watch", "update", "patch"),
          Rule.of(PLEXUS, "plexustasks/finalizers", "update"),
          Rule.of(PLEXUS, "plexustasks/status", "get", "update", "patch"),
          Rule.of("batch", "jobs", "get", "list", "watch", "create", "update", "patch", "delete"),
          Rule.of("", "pods", "get", "list", "watch"),
          Rule.of("", "pods/log", "get"),
          Rule.of("", "events", "create", "patch"));

  /** Operator, on the cluster-scoped pools: always a ClusterRole. */
  static final Set<Rule> OPERATOR_POOLS =
      Set.of(
          Rule.of(PLEXUS, "plexusworkerpools", "get", "list", "watch"),
          Rule.of(PLEXUS, "plexusworkerpools/status", "update", "patch"));

  /** Runner, in each namespace tasks run in. */
  static final Set<Rule> RUNNER =
      Set.of(
          Rule.of(PLEXUS, "plexustasks", "get"),
          Rule.of(PLEXUS, "plexustasks/status", "get", "patch"));

  /** Bridge poller, in each namespace it creates tasks in. */
  static final Set<Rule> BRIDGE_TASKS = Set.of(Rule.of(PLEXUS, "plexustasks", "create", "get"));

  private LeastPrivilege() {}

  /** Operator leader election, in the release namespace, limited to its own Lease. */
  static Set<Rule> leaderElection(String lease) {
    return Set.of(
        Rule.of("coordination.k8s.io", "leases", "create"),
        Rule.named("coordination.k8s.io", "leases", lease, "get", "update"));
  }

  /** Bridge poller checkpoint, in the release namespace, limited to its own ConfigMap. */
  static Set<Rule> bridgeCheckpoint(String configMap) {
    return Set.of(
        Rule.of("", "configmaps", "create"),
        Rule.named("", "configmaps", configMap, "get", "update"));
  }
}
