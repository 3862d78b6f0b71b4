package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;

/**
 * Writes the operator's status fields as a JSON merge patch on the status subresource, so fields
 * the runner writes concurrently (stages, output) are never overwritten.
 */
final class StatusPatcher {
  private final KubernetesClient client;

  StatusPatcher(KubernetesClient client) {
    this.client = client;
  }

  /** Patches only the non-null fields of {@code operatorFields}. */
  void patch(PlexusTask task, PlexusTaskStatus operatorFields) {
    String body = Serialization.asJson(Map.of("status", operatorFields));
    client
        .resources(PlexusTask.class)
        .inNamespace(task.getMetadata().getNamespace())
        .withName(task.getMetadata().getName())
        .subresource("status")
        .patch(PatchContext.of(PatchType.JSON_MERGE), body);
  }

  /** Sets spec.taskId (the id of the record a mirror created). */
  void patchTaskId(PlexusTask task, String taskId) {
    String body = Serialization.asJson(Map.of("spec", Map.of("taskId", taskId)));
    client
        .resources(PlexusTask.class)
        .inNamespace(task.getMetadata().getNamespace())
        .withName(task.getMetadata().getName())
        .patch(PatchContext.of(PatchType.JSON_MERGE), body);
  }
}
