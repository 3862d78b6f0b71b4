package us.anth.plexus.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskSpec;
import us.anth.plexus.store.NewTask;

/**
 * Creates a task the way the dashboard does when DynamoDB is configured (the Task record first, its
 * id in spec.taskId), then the PlexusTask.
 */
public final class TaskSubmitter {
  private TaskSubmitter() {}

  public static PlexusTask submit(
      KubernetesClient client, Optional<CliContext.Stores> stores, PlexusTask task) {
    PlexusTaskSpec spec = task.getSpec();
    stores.ifPresent(
        s ->
            spec.setTaskId(
                s.tasks()
                    .createTask(
                        NewTask.of(
                            spec.getAccountId(),
                            spec.getType(),
                            spec.getTarget(),
                            spec.getCommand()))));
    return Tasks.api(client).inNamespace(task.getMetadata().getNamespace()).resource(task).create();
  }
}
