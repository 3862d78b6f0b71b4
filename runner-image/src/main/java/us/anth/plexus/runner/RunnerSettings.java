package us.anth.plexus.runner;

import java.time.Duration;
import java.util.Map;
import us.anth.plexus.api.settings.RunnerVariables;

/**
 * The runner's environment, as set by the Job the operator builds (see
 * docs/reference/job-contract.md).
 */
public record RunnerSettings(
    String taskNamespace,
    String taskName,
    String taskId,
    String command,
    String commandPrefix,
    Duration timeout,
    String podName,
    Duration killGrace,
    int tailBytes,
    Duration flushTimeout,
    String taskIdArg,
    boolean plexusApi,
    boolean verbose) {

  /**
   * Reads the settings ({@link RunnerVariables}); throws IllegalArgumentException naming a missing
   * or bad variable.
   */
  public static RunnerSettings fromEnv(Map<String, String> env) {
    Long timeout = RunnerVariables.TIMEOUT_SECONDS.read(env);
    return new RunnerSettings(
        RunnerVariables.TASK_NAMESPACE.read(env),
        RunnerVariables.TASK_NAME.read(env),
        RunnerVariables.TASK_ID.read(env),
        RunnerVariables.COMMAND.read(env),
        RunnerVariables.COMMAND_PREFIX.read(env),
        timeout == null ? null : Duration.ofSeconds(timeout),
        RunnerVariables.POD_NAME.read(env),
        Duration.ofSeconds(RunnerVariables.KILL_GRACE_SECONDS.read(env)),
        Math.toIntExact(RunnerVariables.TAIL_BYTES.read(env)),
        Duration.ofSeconds(RunnerVariables.STATUS_FLUSH_SECONDS.read(env)),
        PlexusAttach.fromEnv(env, null).mode(),
        !RunnerVariables.API_URL.read(env).isEmpty()
            && !RunnerVariables.API_KEY.read(env).isEmpty(),
        RunnerVariables.VERBOSE.read(env));
  }
}
