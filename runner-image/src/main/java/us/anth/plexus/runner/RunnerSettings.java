package us.anth.plexus.runner;

import java.time.Duration;
import java.util.Map;

/** The runner's environment, as set by the Job the operator builds (see the README). */
public record RunnerSettings(
    String taskNamespace,
    String taskName,
    String taskId,
    String commandPrefix,
    Duration timeout,
    String podName,
    Duration killGrace,
    int tailBytes,
    Duration flushTimeout) {

  /**
   * Default wait for the final status write. Under SIGTERM the runner spends at most the kill grace
   * (10 s) on its command and then this, which must end within the pod's grace (Kubernetes' and the
   * operator's default: 30 s). 5 s lost final states under load (50 tasks at once on the dev API).
   */
  public static final Duration DEFAULT_FLUSH = Duration.ofSeconds(15);

  /** Default time the command gets between SIGTERM and SIGKILL. */
  public static final Duration DEFAULT_KILL_GRACE = Duration.ofSeconds(10);

  /** Prefix used when PLEXUS_COMMAND_PREFIX is not set at all (set but empty means none). */
  public static final String DEFAULT_PREFIX = "plexus";

  /** Reads the settings; throws IllegalArgumentException naming a missing or bad variable. */
  public static RunnerSettings fromEnv(Map<String, String> env) {
    return new RunnerSettings(
        required(env, "PLEXUS_TASK_NAMESPACE"),
        required(env, "PLEXUS_TASK_NAME"),
        env.getOrDefault("PLEXUS_TASK_ID", ""),
        env.getOrDefault("PLEXUS_COMMAND_PREFIX", DEFAULT_PREFIX),
        seconds(env, "PLEXUS_TIMEOUT_SECONDS", null),
        env.getOrDefault("PLEXUS_POD_NAME", ""),
        seconds(env, "PLEXUS_KILL_GRACE_SECONDS", DEFAULT_KILL_GRACE),
        (int) number(env, "PLEXUS_TAIL_BYTES", 16 * 1024),
        seconds(env, "PLEXUS_STATUS_FLUSH_SECONDS", DEFAULT_FLUSH));
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is not set");
    }
    return value;
  }

  private static Duration seconds(Map<String, String> env, String name, Duration fallback) {
    long value = number(env, name, fallback == null ? -1 : fallback.toSeconds());
    return value < 0 ? null : Duration.ofSeconds(value);
  }

  private static long number(Map<String, String> env, String name, long fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      long parsed = Long.parseLong(value.trim());
      if (parsed < 0) {
        throw new NumberFormatException();
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a non-negative integer, not: " + value);
    }
  }
}
