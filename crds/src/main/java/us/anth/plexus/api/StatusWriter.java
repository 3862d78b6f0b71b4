package us.anth.plexus.api;

/** The processes that write a PlexusTask's status; see {@link StatusOwnership}. */
public enum StatusWriter {
  /** The operator: phase, conditions, Job and pool. */
  OPERATOR,
  /** The runner in the task's pod: stages, progress, output and exit code. */
  RUNNER,
  /** Both, under a rule the field's entry in {@link StatusOwnership} states. */
  SHARED
}
