package us.anth.plexus.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskSpec;
import us.anth.plexus.api.approval.ApprovalAdmission;
import us.anth.plexus.store.NewTask;

/**
 * Creates a task the way the dashboard does when DynamoDB is configured (the Task record first, its
 * id in spec.taskId), then the PlexusTask, annotated with its creator where the API server names
 * the user (the approval policy checks the annotation; docs/concepts/approvals.md).
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
    KubeIdentity.username(client)
        .ifPresent(
            user -> {
              var annotations = new java.util.HashMap<String, String>();
              if (task.getMetadata().getAnnotations() != null) {
                annotations.putAll(task.getMetadata().getAnnotations());
              }
              annotations.put(ApprovalAdmission.CREATED_BY_ANNOTATION, user);
              task.getMetadata().setAnnotations(annotations);
            });
    return Tasks.api(client).inNamespace(task.getMetadata().getNamespace()).resource(task).create();
  }
}
