package us.anth.plexus.api.settings;

import java.util.List;

/** The operator's own settings (it also reads {@link DynamoDbVariables} and the log format). */
public final class OperatorVariables {
  public static final Setting<String> WATCH_NAMESPACES =
      Setting.text(
          "PLEXUS_WATCH_NAMESPACES", "", "comma-separated namespaces to watch; empty = all");
  public static final Setting<String> RUNNER_IMAGE =
      Setting.text(
          "PLEXUS_RUNNER_IMAGE",
          "ghcr.io/anthusai/plexus-runner:latest",
          "runner image for pools without `image`");
  public static final Setting<String> RUNNER_IMAGE_PULL_POLICY =
      Setting.text(
          "PLEXUS_RUNNER_IMAGE_PULL_POLICY",
          "IfNotPresent",
          "pull policy for pools without `imagePullPolicy`");
  public static final Setting<String> RUNNER_SERVICE_ACCOUNT =
      Setting.text(
          "PLEXUS_RUNNER_SERVICE_ACCOUNT",
          "plexus-runner",
          "service account for pools without `serviceAccountName`");
  public static final Setting<Long> TERMINATION_GRACE_SECONDS =
      Setting.atLeastZero(
          "PLEXUS_TERMINATION_GRACE_SECONDS", 30, "task pods' `terminationGracePeriodSeconds`");
  public static final Setting<Long> POD_START_GRACE_SECONDS =
      Setting.atLeastZero(
          "PLEXUS_POD_START_GRACE_SECONDS",
          300,
          "how long a pod may fail to pull its image or create its container before the task"
              + " fails, and how long a Job may have no pod before `PodNotCreated` is reported");
  public static final Setting<Long> DELETE_MIRROR_TIMEOUT_SECONDS =
      Setting.atLeastZero(
          "PLEXUS_DELETE_MIRROR_TIMEOUT_SECONDS",
          300,
          "how long a deleted, unfinished task is held (finalizer kept, retried with backoff)"
              + " while its Task record cannot be written");
  public static final Setting<Boolean> LEADER_ELECTION =
      Setting.bool(
          "PLEXUS_LEADER_ELECTION", false, "elect a leader through a Lease (run several replicas)");
  public static final Setting<String> LEADER_ELECTION_NAMESPACE =
      Setting.textOr(
          "PLEXUS_LEADER_ELECTION_NAMESPACE", "POD_NAMESPACE", "", "namespace of the Lease");
  public static final Setting<String> LEADER_ELECTION_LEASE =
      Setting.text("PLEXUS_LEADER_ELECTION_LEASE", "plexus-operator-leader", "name of the Lease");
  public static final Setting<Integer> HEALTH_PORT =
      Setting.port(
          "PLEXUS_HEALTH_PORT",
          8081,
          "port of `GET /healthz` (liveness) and `GET /readyz` (readiness: started, informers"
              + " healthy)");
  public static final Setting<Integer> METRICS_PORT =
      Setting.port("PLEXUS_METRICS_PORT", 8080, "port of `GET /metrics` (Prometheus text)");

  public static final Setting<String> RISK_RULES =
      Setting.text(
          "PLEXUS_RISK_RULES",
          "",
          "cluster-wide risk rules, applied on every pool besides its own `risk.rules`:"
              + " `;`-separated `pattern=Level` pairs, e.g. `dataset delete *=Destructive;* --force"
              + " *=Destructive` (the most severe matching rule wins)");
  public static final Setting<String> RISK_DEFAULT_LEVEL =
      Setting.choice(
          "PLEXUS_RISK_DEFAULT_LEVEL",
          "risk level of commands no rule matches, on pools without `risk.defaultLevel`",
          "Modify",
          "ReadOnly",
          "Destructive");
  public static final Setting<String> APPROVAL_REQUIRED_FROM =
      Setting.choice(
          "PLEXUS_APPROVAL_REQUIRED_FROM",
          "risk level from which tasks need approval, on pools without"
              + " `risk.approvalRequiredFrom` (`Never`: none)",
          "Destructive",
          "Modify",
          "ReadOnly",
          "Never");

  private OperatorVariables() {}

  /** Every operator setting, in docs order. */
  public static List<Setting<?>> all() {
    return List.of(
        WATCH_NAMESPACES,
        RUNNER_IMAGE,
        RUNNER_IMAGE_PULL_POLICY,
        RUNNER_SERVICE_ACCOUNT,
        TERMINATION_GRACE_SECONDS,
        POD_START_GRACE_SECONDS,
        DELETE_MIRROR_TIMEOUT_SECONDS,
        LEADER_ELECTION,
        LEADER_ELECTION_NAMESPACE,
        LEADER_ELECTION_LEASE,
        HEALTH_PORT,
        METRICS_PORT,
        RISK_RULES,
        RISK_DEFAULT_LEVEL,
        APPROVAL_REQUIRED_FROM,
        LogVariables.FORMAT);
  }
}
