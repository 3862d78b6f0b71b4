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
import us.anth.plexus.api.PlexusTask;

/** Finds PlexusTasks by name or DynamoDB task id, with one-line errors when they are missing. */
public final class Tasks {
  private Tasks() {}

  public static MixedOperation<PlexusTask, KubernetesResourceList<PlexusTask>, Resource<PlexusTask>>
      api(KubernetesClient client) {
    return client.resources(PlexusTask.class);
  }

  /** The task named {@code nameOrId}, else the one whose spec.taskId is {@code nameOrId}. */
  public static PlexusTask find(KubernetesClient client, String namespace, String nameOrId) {
    return lookup(client, namespace, nameOrId).orElseThrow(() -> notFound(nameOrId, namespace));
  }

  /** The task named {@code nameOrId}, else the one whose spec.taskId is {@code nameOrId}. */
  public static java.util.Optional<PlexusTask> lookup(
      KubernetesClient client, String namespace, String nameOrId) {
    PlexusTask byName = api(client).inNamespace(namespace).withName(nameOrId).get();
    if (byName != null) {
      return java.util.Optional.of(byName);
    }
    return list(client, namespace).stream()
        .filter(t -> t.getSpec() != null && nameOrId.equals(t.getSpec().getTaskId()))
        .findFirst();
  }

  private static CliException notFound(String nameOrId, String namespace) {
    return new CliException(
        "task '" + nameOrId + "' not found in namespace " + namespace + " (by name or task id)");
  }

  /**
   * Sets spec fields with a JSON merge patch carrying only {@code fields}, so a concurrent status
   * write cannot make it fail with a conflict; a task that is gone is the one-line "not found".
   */
  public static void patchSpec(KubernetesClient client, PlexusTask task, Map<String, ?> fields) {
    if (!mergePatch(client, task, Map.of("spec", fields))) {
      throw notFound(task.getMetadata().getName(), task.getMetadata().getNamespace());
    }
  }

  /**
   * Sets one annotation with a JSON merge patch carrying only that key; false when the task is
   * gone.
   */
  public static boolean annotate(
      KubernetesClient client, PlexusTask task, String key, String value) {
    return mergePatch(client, task, Map.of("metadata", Map.of("annotations", Map.of(key, value))));
  }

  private static boolean mergePatch(KubernetesClient client, PlexusTask task, Object patch) {
    try {
      api(client)
          .inNamespace(task.getMetadata().getNamespace())
          .withName(task.getMetadata().getName())
          .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(patch));
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  /** The tasks of {@code namespace}; of every namespace when it is null. */
  public static List<PlexusTask> list(KubernetesClient client, String namespace) {
    return namespace == null
        ? api(client).inAnyNamespace().list().getItems()
        : api(client).inNamespace(namespace).list().getItems();
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
