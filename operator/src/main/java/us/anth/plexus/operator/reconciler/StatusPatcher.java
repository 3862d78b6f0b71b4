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

  /** Writes the non-null fields of {@code operatorFields}. */
  PlexusTask patch(PlexusTask task, PlexusTaskStatus operatorFields) {
    ObjectNode fields = Serialization.jsonMapper().valueToTree(operatorFields);
    ArrayNode ops = JsonNodeFactory.instance.arrayNode();
    fields
        .properties()
        .forEach(field -> ops.add(add("/status/" + field.getKey(), field.getValue())));
    if (task.getStatus() == null && hasNoStatus(task)) {
      return patch(task, JsonNodeFactory.instance.arrayNode().add(add("/status", fields)));
    }
    return patch(task, ops);
  }

  /** Whether the stored task has no status yet (JSON Patch cannot add below a missing /status). */
  private boolean hasNoStatus(PlexusTask task) {
    PlexusTask stored = resource(task).get();
    return stored != null && stored.getStatus() == null;
  }

  private PlexusTask patch(PlexusTask task, ArrayNode ops) {
    return resource(task)
        .subresource("status")
        .patch(PatchContext.of(PatchType.JSON), ops.toString());
  }

  private Resource<PlexusTask> resource(PlexusTask task) {
    return client
        .resources(PlexusTask.class)
        .inNamespace(task.getMetadata().getNamespace())
        .withName(task.getMetadata().getName());
  }

  private static ObjectNode add(String path, com.fasterxml.jackson.databind.JsonNode value) {
    ObjectNode op = JsonNodeFactory.instance.objectNode();
    op.put("op", "add");
    op.put("path", path);
    op.set("value", value);
    return op;
  }
}
