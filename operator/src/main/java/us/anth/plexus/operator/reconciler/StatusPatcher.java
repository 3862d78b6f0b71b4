package us.anth.plexus.operator.reconciler;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;

/**
 * Writes only the operator's status fields, each as a JSON Patch {@code add} of {@code
 * /status/<field>}, so fields the runner writes concurrently (stages, output) are never touched and
 * lists (conditions) are replaced, not merged. (A merge patch would do on a real API server, but
 * the fabric8 mock appends to lists on merge.)
 */
final class StatusPatcher {
  private final KubernetesClient client;

  StatusPatcher(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Writes the non-null fields of {@code operatorFields}. A task with no status yet ({@code
   * hasStatus} false: none cached, none written by us) gets them as one {@code add} of {@code
   * /status} (JSON Patch cannot add below a missing /status); before the Job exists nobody else
   * writes a task's status. Neither needs a resourceVersion, so neither reads the task first.
   */
  PlexusTask patch(PlexusTask task, boolean hasStatus, PlexusTaskStatus operatorFields) {
    ObjectNode fields = Serialization.jsonMapper().valueToTree(operatorFields);
    if (!hasStatus) {
      return patch(task, JsonNodeFactory.instance.arrayNode().add(add("/status", fields)));
    }
    ArrayNode ops = JsonNodeFactory.instance.arrayNode();
    fields
        .properties()
        .forEach(field -> ops.add(add("/status/" + field.getKey(), field.getValue())));
    return patch(task, ops);
  }

  private PlexusTask patch(PlexusTask task, ArrayNode ops) {
    return resource(task)
        .subresource("status")
        .patch(PatchContext.of(PatchType.JSON), ops.toString());
  }

  /** The task as the item of the operation, so that a patch sends no GET before it. */
  private Resource<PlexusTask> resource(PlexusTask task) {
    return client
        .resources(PlexusTask.class)
        .inNamespace(task.getMetadata().getNamespace())
        .resource(task);
  }

  private static ObjectNode add(String path, com.fasterxml.jackson.databind.JsonNode value) {
    ObjectNode op = JsonNodeFactory.instance.objectNode();
    op.put("op", "add");
    op.put("path", path);
    op.set("value", value);
    return op;
  }
}
