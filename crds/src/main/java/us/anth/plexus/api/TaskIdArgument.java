package us.anth.plexus.api;

/**
 * When the runner appends {@code --task-id <id>} to a command (PlexusWorkerPool
 * spec.taskIdArgument; the runner reads it as PLEXUS_TASK_ID_ARG).
 */
public enum TaskIdArgument {
  /** Plexus's worker rule when the executable is {@code plexus}. */
  auto,
  /** Plexus's worker rule whatever the executable. */
  always,
  /** Never; PLEXUS_DISPATCH_TASK_ID is not set either. */
  never
}
