package us.anth.plexus.runner.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.EditReplacePatchable;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.HttpURLConnection;
import java.util.List;
import us.anth.plexus.api.PlexusTask;

/**
 * Writes snapshots to the PlexusTask status subresource, touching only the runner-owned fields.
 * Each write is a JSON Patch of {@code add} operations, one per runner field, which replaces each
 * field whole (lists included). Only when the task has no status object yet (the server answers
 * 422) does it fall back to a JSON merge patch, which then creates it. A 404 means the task was
 * deleted: {@link TargetGoneException}, so the runner stops writing to it. One sink serves one run.
 *
 * <p>Why not always a merge patch: fabric8's mock API server (our dev mode and tests) merges JSON
 * arrays by appending, so {@code stages} would grow with every write there.
 */
public final class KubernetesStatusSink implements ProgressSink {
  private static final ObjectMapper JSON = Serialization.jsonMapper();
  private static final int HTTP_UNPROCESSABLE_ENTITY = 422;

  private final KubernetesClient client;
  private volatile boolean clearStale = true;

  public KubernetesStatusSink(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public String name() {
    return "kubernetes";
  }

  @Override
  public void publish(TaskSnapshot snapshot) throws TargetGoneException {
    PlexusTask target = new PlexusTask();
    target.setMetadata(
        new ObjectMetaBuilder()
            .withName(snapshot.task().name())
            .withNamespace(snapshot.task().namespace())
            .build());
    // Giving the client the object (not just its name) saves a GET before every patch.
    EditReplacePatchable<PlexusTask> status = client.resource(target).subresource("status");
    try {
      patch(status, JSON.valueToTree(StatusPatch.of(snapshot)), snapshot);
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        TaskRef task = snapshot.task();
        throw new TargetGoneException(
            "PlexusTask " + task.namespace() + "/" + task.name() + " is gone (HTTP 404)");
      }
      throw e;
    }
  }

  private void patch(
      EditReplacePatchable<PlexusTask> status, ObjectNode fields, TaskSnapshot snapshot) {
    try {
      List<String> stale = clearStale ? StatusPatch.fieldsToClear(snapshot) : List.of();
      status.patch(PatchContext.of(PatchType.JSON), jsonPatch(fields, stale).toString());
    } catch (KubernetesClientException e) {
      if (e.getCode() != HTTP_UNPROCESSABLE_ENTITY) {
        throw e;
      }
      ObjectNode merge = JSON.createObjectNode();
      merge.set("status", fields);
      status.patch(PatchContext.of(PatchType.JSON_MERGE), merge.toString());
    }
    clearStale = false;
  }

  /**
   * One {@code add} per field; on a run's first write also a null for each runner field the
   * snapshot lacks, so a previous attempt's exit code or error does not linger (the API server
   * prunes nulls).
   */
  private static ArrayNode jsonPatch(ObjectNode fields, List<String> stale) {
    ArrayNode operations = JSON.createArrayNode();
    stale.stream().filter(field -> !fields.has(field)).forEach(field -> fields.putNull(field));
    fields
        .fields()
        .forEachRemaining(
            field ->
                operations
                    .addObject()
                    .put("op", "add")
                    .put("path", "/status/" + field.getKey())
                    .set("value", field.getValue()));
    return operations;
  }
}
