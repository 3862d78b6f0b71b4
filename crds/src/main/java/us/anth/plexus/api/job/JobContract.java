package us.anth.plexus.api.job;

import java.util.List;

/**
 * The contract between the operator, which builds each task's Job, and the runner inside it: the
 * container, its arguments, its environment and the exit codes that are never retried (see
 * docs/reference/job-contract.md).
 */
public final class JobContract {
  /** Name of the one container of a task's pod. */
  public static final String CONTAINER = "runner";

  /** The runner subcommand that serves one task; the container's only argument. */
  public static final String RUN_COMMAND = "run";

  /** The container's args. */
  public static final List<String> ARGS = List.of(RUN_COMMAND);

  /** Executable put before a task's command words when the pool leaves commandPrefix unset. */
  public static final String DEFAULT_COMMAND_PREFIX = "plexus";

  /** The runner's exit code when PLEXUS_TIMEOUT_SECONDS passed (as GNU timeout). */
  public static final int EXIT_TIMED_OUT = 124;

  /** The runner's exit code when the command could not be parsed or started. */
  public static final int EXIT_CANNOT_START = 126;

  /** The runner's exit code when the executable does not exist. */
  public static final int EXIT_NOT_FOUND = 127;

  /**
   * Exit codes never worth a retry: 124 the runner's own deadline passed (the Job's deadline is the
   * same), 126 unparsable or unstartable command, 127 executable not found.
   */
  public static final List<Integer> NEVER_RETRY_EXIT_CODES =
      List.of(EXIT_TIMED_OUT, EXIT_CANNOT_START, EXIT_NOT_FOUND);

  /** Namespace of the PlexusTask the runner serves. */
  public static final String ENV_TASK_NAMESPACE = "PLEXUS_TASK_NAMESPACE";

  /** Name of the PlexusTask the runner serves. */
  public static final String ENV_TASK_NAME = "PLEXUS_TASK_NAME";

  /** Id of the DynamoDB Task record (empty when unknown). */
  public static final String ENV_TASK_ID = "PLEXUS_TASK_ID";

  /** The pool's command prefix; set but empty means none. */
  public static final String ENV_COMMAND_PREFIX = "PLEXUS_COMMAND_PREFIX";

  /**
   * spec.command when the Job was created: the command the runner runs, so an edit of spec.command
   * afterwards never runs (the operator reports it as ImmutableFieldChanged).
   */
  public static final String ENV_COMMAND = "PLEXUS_COMMAND";

  /** spec.target when the Job was created (the operator compares it with the spec). */
  public static final String ENV_TARGET = "PLEXUS_TARGET";

  /** The task's timeoutSeconds, when it has one. */
  public static final String ENV_TIMEOUT_SECONDS = "PLEXUS_TIMEOUT_SECONDS";

  /** The pod's name (a fieldRef to metadata.name). */
  public static final String ENV_POD_NAME = "PLEXUS_POD_NAME";

  /** The node's name (a fieldRef to spec.nodeName). */
  public static final String ENV_NODE_NAME = "PLEXUS_NODE_NAME";

  /**
   * "true" in a rollback Job (spec.rollback): the runner runs PLEXUS_COMMAND (the rollback command)
   * and writes nothing to the task's status or records; the operator reads the pod's exit code.
   */
  public static final String ENV_ROLLBACK = "PLEXUS_ROLLBACK";

  /** Every operator variable with this prefix is copied verbatim into each Job. */
  public static final String DYNAMODB_ENV_PREFIX = "PLEXUS_DYNAMODB_";

  private JobContract() {}
}
