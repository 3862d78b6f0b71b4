package us.anth.plexus.cli;

import us.anth.plexus.api.PlexusTask;

/** What cancel and approve check before they patch anything. */
final class SafeVerbs {
  private SafeVerbs() {}

  /** Whether the task reached a final phase (Succeeded, Failed, Cancelled). */
  static boolean finished(PlexusTask task) {
    return task.getStatus() != null
        && task.getStatus().getPhase() != null
        && task.getStatus().getPhase().isFinal();
  }
}
