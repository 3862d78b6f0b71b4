package us.anth.plexus.operator;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import us.anth.plexus.api.job.JobContract;
import us.anth.plexus.api.settings.LogVariables;
import us.anth.plexus.api.settings.OperatorVariables;
import us.anth.plexus.operator.model.RiskDefaults;
import us.anth.plexus.store.appsync.AppSyncSettings;
import us.anth.plexus.store.appsync.TaskSink;

/**
 * Operator settings, read from {@code PLEXUS_*} environment variables (see
 * docs/reference/settings.md). {@code storeEnv} holds every {@code PLEXUS_DYNAMODB_*} variable and
 * the sink settings ({@code PLEXUS_TASK_SINK}, {@code PLEXUS_APPSYNC_*} but the key itself), copied
 * into each Job so the runner writes where the operator does ({@link
 * us.anth.plexus.store.appsync.AppSyncSettings#API_KEY_SECRET} becomes a Secret reference).
 */
public record OperatorConfig(
    Set<String> watchNamespaces,
    String runnerImage,
    String runnerImagePullPolicy,
    String runnerServiceAccount,
    long terminationGraceSeconds,
    boolean leaderElection,
    String leaderElectionNamespace,
    String leaderElectionLease,
    int healthPort,
    int metricsPort,
    String logFormat,
    Map<String, String> storeEnv,
    long podStartGraceSeconds,
    long deleteMirrorTimeoutSeconds,
    RiskDefaults riskDefaults) {

  public OperatorConfig {
    watchNamespaces = Set.copyOf(watchNamespaces);
    storeEnv = Map.copyOf(storeEnv);
  }

  /**
   * Reads the settings ({@link OperatorVariables}); unset or blank variables take their defaults, a
   * bad value throws IllegalArgumentException naming the variable.
   */
  public static OperatorConfig fromEnv(Map<String, String> env) {
    return new OperatorConfig(
        Arrays.stream(OperatorVariables.WATCH_NAMESPACES.read(env).split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toSet()),
        OperatorVariables.RUNNER_IMAGE.read(env),
        OperatorVariables.RUNNER_IMAGE_PULL_POLICY.read(env),
        OperatorVariables.RUNNER_SERVICE_ACCOUNT.read(env),
        OperatorVariables.TERMINATION_GRACE_SECONDS.read(env),
        OperatorVariables.LEADER_ELECTION.read(env),
        OperatorVariables.LEADER_ELECTION_NAMESPACE.read(env),
        OperatorVariables.LEADER_ELECTION_LEASE.read(env),
        OperatorVariables.HEALTH_PORT.read(env),
        OperatorVariables.METRICS_PORT.read(env),
        LogVariables.FORMAT.read(env),
        env.entrySet().stream()
            .filter(e -> forRunner(e.getKey()) && e.getValue() != null)
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new)),
        OperatorVariables.POD_START_GRACE_SECONDS.read(env),
        OperatorVariables.DELETE_MIRROR_TIMEOUT_SECONDS.read(env),
        RiskDefaults.fromEnv(env));
  }

  /** Whether the runner gets this variable too: store and sink settings, never the API key. */
  static boolean forRunner(String name) {
    return name.startsWith(JobContract.DYNAMODB_ENV_PREFIX)
        || name.equals(TaskSink.ENV)
        || (name.startsWith("PLEXUS_APPSYNC_") && !name.equals(AppSyncSettings.API_KEY));
  }

  /** The defaults, as with an empty environment. */
  public static OperatorConfig defaults() {
    return fromEnv(Map.of());
  }

  /** Whether every namespace is watched. */
  public boolean watchesAllNamespaces() {
    return watchNamespaces.isEmpty();
  }

  /** A copy watching only the given namespaces (empty = all). */
  public OperatorConfig withWatchNamespaces(Set<String> namespaces) {
    return new OperatorConfig(
        namespaces,
        runnerImage,
        runnerImagePullPolicy,
        runnerServiceAccount,
        terminationGraceSeconds,
        leaderElection,
        leaderElectionNamespace,
        leaderElectionLease,
        healthPort,
        metricsPort,
        logFormat,
        storeEnv,
        podStartGraceSeconds,
        deleteMirrorTimeoutSeconds,
        riskDefaults);
  }
}
