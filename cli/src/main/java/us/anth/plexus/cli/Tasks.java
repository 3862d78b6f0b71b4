package us.anth.plexus.cli;

import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskSpec;

/** Finds PlexusTasks by name or DynamoDB task id, with one-line errors when they are missing. */
public final class Tasks {
  private Tasks() {}

  public static MixedOperation<PlexusTask, KubernetesResourceList<PlexusTask>, Resource<PlexusTask>>
      api(KubernetesClient client) {
    return client.resources(PlexusTask.class);
  }

  /** The task named {@code nameOrId}, else the one whose spec.taskId is {@code nameOrId}. */
  public static PlexusTask find(KubernetesClient client, String namespace, String nameOrId) {
    PlexusTask byName = api(client).inNamespace(namespace).withName(nameOrId).get();
    if (byName != null) {
      return byName;
    }
    return list(client, namespace).stream()
        .filter(t -> t.getSpec() != null && nameOrId.equals(t.getSpec().getTaskId()))
        .findFirst()
        .orElseThrow(
            () ->
                new CliException(
                    "task '"
                        + nameOrId
                        + "' not found in namespace "
                        + namespace
                        + " (by name or task id)"));
  }

  /** Changes the live task's spec with {@code change} (read-modify-write of the current object). */
  public static void editSpec(
      KubernetesClient client, PlexusTask task, Consumer<PlexusTaskSpec> change) {
    api(client)
        .inNamespace(task.getMetadata().getNamespace())
        .withName(task.getMetadata().getName())
        .edit(
            t -> {
              change.accept(t.getSpec());
              return t;
            });
  }

  /**
   * Sets one annotation with a JSON merge patch carrying only that key; false when the task is
   * gone.
   */
  public static boolean annotate(
      KubernetesClient client, PlexusTask task, String key, String value) {
    String patch =
        Serialization.asJson(Map.of("metadata", Map.of("annotations", Map.of(key, value))));
    try {
      api(client)
          .inNamespace(task.getMetadata().getNamespace())
          .withName(task.getMetadata().getName())
          .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  public static List<PlexusTask> list(KubernetesClient client, String namespace) {
    return api(client).inNamespace(namespace).list().getItems();
  }

  public static PlexusTask reload(KubernetesClient client, PlexusTask task) {
    PlexusTask current =
        api(client)
            .inNamespace(task.getMetadata().getNamespace())
            .withName(task.getMetadata().getName())
            .get();
    if (current == null) {
      throw new CliException("task " + task.getMetadata().getName() + " was deleted");
    }
    return current;
  }
}
