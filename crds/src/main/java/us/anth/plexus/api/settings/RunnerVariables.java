package us.anth.plexus.api.settings;

import java.util.List;
import us.anth.plexus.api.job.JobContract;
import us.anth.plexus.api.job.TerminationMessage;

/**
 * The runner's settings: most are set by the operator in each Job (see {@link JobContract}); it
 * also reads {@link DynamoDbVariables}.
 */
public final class RunnerVariables {
  public static final Setting<String> TASK_NAMESPACE =
      Setting.required(JobContract.ENV_TASK_NAMESPACE, "namespace of the PlexusTask to serve");
  public static final Setting<String> TASK_NAME =
      Setting.required(JobContract.ENV_TASK_NAME, "name of the PlexusTask to serve");
  public static final Setting<String> TASK_ID =
      Setting.text(
          JobContract.ENV_TASK_ID, "", "the DynamoDB Task id; empty falls back to `spec.taskId`");
  public static final Setting<String> COMMAND =
      Setting.optionalText(
          JobContract.ENV_COMMAND,
          "`spec.command`",
          "`spec.command` when the Job was created: the command run, so a later edit never runs"
              + " (unset in Jobs created before it existed)");
  public static final Setting<String> COMMAND_PREFIX =
      Setting.textKeepingEmpty(
          JobContract.ENV_COMMAND_PREFIX,
          JobContract.DEFAULT_COMMAND_PREFIX,
          "words put before the command (the pool's `commandPrefix`); set but empty = none");
  public static final Setting<Long> TIMEOUT_SECONDS =
      Setting.optionalSeconds(
          JobContract.ENV_TIMEOUT_SECONDS, "deadline for the command; unset = none");
  public static final Setting<Long> KILL_GRACE_SECONDS =
      Setting.atLeastZero(
          "PLEXUS_KILL_GRACE_SECONDS", 10, "SIGTERM → SIGKILL grace on timeout or termination");
  public static final Setting<Long> TAIL_BYTES =
      Setting.atLeastZero(
          "PLEXUS_TAIL_BYTES", 16384, "size of each of the stdout/stderr tails kept in the status");
  // 15 s: 5 s lost final states under load (50 tasks at once on the dev API); the kill grace plus
  // this still ends inside the pod's 30 s grace (RunnerSettingsTest).
  public static final Setting<Long> STATUS_FLUSH_SECONDS =
      Setting.atLeastZero(
          "PLEXUS_STATUS_FLUSH_SECONDS",
          15,
          "how long the runner waits at exit for the final status write");
  public static final Setting<String> POD_NAME =
      Setting.text(JobContract.ENV_POD_NAME, "", "shown in the runner's log lines");
  public static final Setting<Boolean> VERBOSE =
      Setting.bool(
          "PLEXUS_RUNNER_VERBOSE",
          false,
          "log the exact argv the command runs with (prefix, `--task-id`, and in dev mode the"
              + " runner's own `java` command line) instead of the command as the task gives it;"
              + " set it in a pool's `env`; `plexusctl dev -v` sets it for every runner of the dev"
              + " stack");

  public static final Setting<String> TASK_ID_ARG =
      Setting.choiceIgnoringCase(
          "PLEXUS_TASK_ID_ARG",
          "when `--task-id <id>` is appended to a command (the pool's `taskIdArgument`): `auto`"
              + " Plexus's worker rule when the executable is `plexus`, `always` that rule for any"
              + " executable, `never` not at all (nor `PLEXUS_DISPATCH_TASK_ID`)",
          "auto",
          "always",
          "never");
  public static final Setting<Boolean> ROLLBACK =
      Setting.bool(
          JobContract.ENV_ROLLBACK,
          false,
          "set in rollback Jobs: run the rollback command and write nothing to the task's status or"
              + " records (the operator reads the exit code from the pod)");
  public static final Setting<String> API_URL =
      Setting.text(
          "PLEXUS_API_URL",
          "",
          "the Plexus API, from the pool's `plexusApiSecret`; with the key set, an attached"
              + " command reports its own progress");
  public static final Setting<String> API_KEY =
      Setting.text("PLEXUS_API_KEY", "", "the Plexus API key, from the pool's `plexusApiSecret`");

  public static final Setting<String> TERMINATION_MESSAGE_PATH =
      Setting.text(
          TerminationMessage.ENV_PATH,
          "",
          "file the runner writes its final state to (the container's `terminationMessagePath`),"
              + " read by the operator when the final status write was lost; empty: none");

  private RunnerVariables() {}

  /** Every runner setting, in docs order. */
  public static List<Setting<?>> all() {
    return List.of(
        TASK_NAMESPACE,
        TASK_NAME,
        TASK_ID,
        COMMAND,
        COMMAND_PREFIX,
        TIMEOUT_SECONDS,
        KILL_GRACE_SECONDS,
        TAIL_BYTES,
        STATUS_FLUSH_SECONDS,
        POD_NAME,
        VERBOSE,
        TASK_ID_ARG,
        ROLLBACK,
        API_URL,
        API_KEY,
        TERMINATION_MESSAGE_PATH);
  }
}
