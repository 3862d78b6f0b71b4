package us.anth.plexus.operator;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Operator settings, read from {@code PLEXUS_*} environment variables (see
 * docs/reference/settings.md). {@code storeEnv} holds every {@code PLEXUS_DYNAMODB_*} variable,
 * copied verbatim into each Job so the runner sees the operator's DynamoDB settings.
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
    long deleteMirrorTimeoutSeconds) {

  public static final String DYNAMODB_PREFIX = "PLEXUS_DYNAMODB_";

  public OperatorConfig {
    watchNamespaces = Set.copyOf(watchNamespaces);
    storeEnv = Map.copyOf(storeEnv);
  }

  /** Reads the settings; unset or blank variables take their defaults. */
  public static OperatorConfig fromEnv(Map<String, String> env) {
    EnvReader read = new EnvReader(env);
    return new OperatorConfig(
        Arrays.stream(read.text("PLEXUS_WATCH_NAMESPACES", "").split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toSet()),
        read.text("PLEXUS_RUNNER_IMAGE", "ghcr.io/anthusai/plexus-runner:latest"),
        read.text("PLEXUS_RUNNER_IMAGE_PULL_POLICY", "IfNotPresent"),
        read.text("PLEXUS_RUNNER_SERVICE_ACCOUNT", "plexus-runner"),
        read.atLeastZero("PLEXUS_TERMINATION_GRACE_SECONDS", 30),
        Boolean.parseBoolean(read.text("PLEXUS_LEADER_ELECTION", "false")),
        read.text("PLEXUS_LEADER_ELECTION_NAMESPACE", read.text("POD_NAMESPACE", "")),
        read.text("PLEXUS_LEADER_ELECTION_LEASE", "plexus-operator-leader"),
        read.port("PLEXUS_HEALTH_PORT", 8081),
        read.port("PLEXUS_METRICS_PORT", 8080),
        read.choice("PLEXUS_LOG_FORMAT", "text", "json"),
        env.entrySet().stream()
            .filter(e -> e.getKey().startsWith(DYNAMODB_PREFIX) && e.getValue() != null)
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new)),
        read.atLeastZero("PLEXUS_POD_START_GRACE_SECONDS", 300),
        read.atLeastZero("PLEXUS_DELETE_MIRROR_TIMEOUT_SECONDS", 300));
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
        deleteMirrorTimeoutSeconds);
  }

  private record EnvReader(Map<String, String> env) {
    String text(String key, String fallback) {
      String value = env.get(key);
      return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** Blank = the first choice; otherwise exactly one of them (logback.xml compares exactly). */
    String choice(String key, String fallback, String other) {
      String value = env.get(key);
      if (value == null || value.isBlank()) {
        return fallback;
      }
      if (!value.equals(fallback) && !value.equals(other)) {
        throw new IllegalArgumentException(
            key + " must be " + fallback + " or " + other + ", got '" + value + "'");
      }
      return value;
    }

    /** A TCP port, 1 to 65535, or 0 for any free port. */
    int port(String key, int fallback) {
      long port = number(key, fallback);
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException(
            key
                + " must be a port from 1 to 65535 (0 = any free port), got '"
                + text(key, "")
                + "'");
      }
      return (int) port;
    }

    /** A count of seconds, 0 or more. */
    long atLeastZero(String key, long fallback) {
      long seconds = number(key, fallback);
      if (seconds < 0) {
        throw new IllegalArgumentException(key + " must be 0 or more, got '" + text(key, "") + "'");
      }
      return seconds;
    }

    long number(String key, long fallback) {
      String value = text(key, null);
      if (value == null) {
        return fallback;
      }
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(key + " must be a whole number, got '" + value + "'");
      }
    }
  }
}
