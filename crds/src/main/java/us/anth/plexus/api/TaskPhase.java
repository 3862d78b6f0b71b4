package us.anth.plexus.api;

/** Lifecycle phase of a PlexusTask, derived by the operator from its Job and pod. */
public enum TaskPhase {
  /** Accepted; waiting for a pool, dependencies or the first reconcile. */
  Pending,
  /** The task's risk needs an approval (`spec.approval`) before a Job is created. */
  AwaitingApproval,
  /** A Job exists but is suspended because its pool is at its concurrency limit. */
  Queued,
  /** The Job's pod is running the command. */
  Running,
  /** The command exited 0 (or a dry run was planned). */
  Succeeded,
  /** The command failed, timed out, or the task could not be run. */
  Failed,
  /**
   * The task was cancelled (`spec.cancel: true`), rejected (`spec.approval`) or deleted while
   * unfinished.
   */
  Cancelled;

  /** Whether no further transition can happen. */
  public boolean isFinal() {
    return this == Succeeded || this == Failed || this == Cancelled;
  }
}
