package us.anth.plexus.cli;

import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.TaskPhase;

/** Tasks for the pure tests. */
final class TaskFixtures {
  private TaskFixtures() {}

  static PlexusTask task(String name, String account, String type, String target, TaskPhase phase) {
    PlexusTask task =
        TaskFactory.build(
            new TaskFactory.Request("demo", target, account, type, null, null, null), "ns", "x");
    task.getMetadata().setName(name);
    if (phase != null) {
      PlexusTaskStatus status = new PlexusTaskStatus();
      status.setPhase(phase);
      task.setStatus(status);
    }
    return task;
  }
}
