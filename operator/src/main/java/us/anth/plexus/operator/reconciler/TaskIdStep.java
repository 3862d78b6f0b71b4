package us.anth.plexus.operator.reconciler;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.operator.mirror.TaskRecordMirror;
import us.anth.plexus.operator.model.Conditions;

/**
 * A task without {@code spec.taskId} (applied with kubectl) while mirroring is on: the mirror
 * creates its record and the id is written into {@code spec.taskId} before any Job exists, so the
 * Job's env and labels carry it. The chain stops there; the spec change brings the next reconcile.
 */
final class TaskIdStep {
  private final KubernetesClient client;
  private final TaskRecordMirror mirror;

  TaskIdStep(KubernetesClient client, TaskRecordMirror mirror) {
    this.client = client;
    this.mirror = mirror;
  }

  boolean assign(TaskRun run) {
    String existing = run.task.getSpec() == null ? null : run.task.getSpec().getTaskId();
    if (existing != null && !existing.isBlank()) {
      return true;
    }
    String id;
    try {
      id = mirror.assignTaskId(run.task);
    } catch (RuntimeException e) {
      String message = "cannot create the task record: " + PlexusTaskReconciler.oneLine(e);
      run.warnIf(
          run.condition(Conditions.SYNCED, false, "MirrorFailed", message),
          "MirrorFailed",
          message);
      run.recheckAfter(TaskPublisher.MIRROR_RETRY);
      return false;
    }
    if (id == null) {
      return true;
    }
    ArrayNode patch = JsonNodeFactory.instance.arrayNode();
    patch.addObject().put("op", "add").put("path", "/spec/taskId").put("value", id);
    client
        .resources(PlexusTask.class)
        .inNamespace(run.namespace())
        .withName(run.name())
        .patch(PatchContext.of(PatchType.JSON), patch.toString());
    run.noteIf(true, "TaskRecordCreated", "created Task record " + id);
    return false;
  }
}
