package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import us.anth.plexus.api.PlexusLabels;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.TaskPhase;

/** Maps Job, pod and pool events to the tasks that must be reconciled because of them. */
final class TaskMappers {
  private final Supplier<? extends Iterable<PlexusTask>> tasks;

  TaskMappers(Supplier<? extends Iterable<PlexusTask>> tasks) {
    this.tasks = tasks;
  }

  /** The task owning a Job or pod (from the task-name annotation, else the label). */
  static Set<ResourceID> owningTask(HasMetadata owned) {
    Map<String, String> annotations = owned.getMetadata().getAnnotations();
    Map<String, String> labels = owned.getMetadata().getLabels();
    String name = annotations == null ? null : annotations.get(PlexusLabels.TASK_NAME);
    if (name == null && labels != null) {
      name = labels.get(PlexusLabels.TASK_NAME);
    }
    return name == null
        ? Set.of()
        : Set.of(new ResourceID(name, owned.getMetadata().getNamespace()));
  }

  /** A Job's own task plus the queued tasks of its pool, which may get its slot. */
  Set<ResourceID> jobToTasks(HasMetadata job) {
    Set<ResourceID> ids = new HashSet<>(owningTask(job));
    Map<String, String> labels = job.getMetadata().getLabels();
    String pool = labels == null ? null : labels.get(PlexusLabels.POOL);
    if (pool != null) {
      for (PlexusTask task : tasks.get()) {
        if (task.getStatus() != null
            && task.getStatus().getPhase() == TaskPhase.Queued
            && pool.equals(task.getStatus().getPool())) {
          ids.add(ResourceID.fromResource(task));
        }
      }
    }
    return ids;
  }

  /** Unfinished tasks that have no Job yet or run on this pool: a pool change may move them. */
  Set<ResourceID> poolToTasks(PlexusWorkerPool pool) {
    String name = pool.getMetadata().getName();
    Set<ResourceID> ids = new HashSet<>();
    for (PlexusTask task : tasks.get()) {
      var status = task.getStatus();
      boolean unfinished =
          status == null || status.getPhase() == null || !status.getPhase().isFinal();
      boolean affected =
          status == null || status.getJobName() == null || name.equals(status.getPool());
      if (unfinished && affected) {
        ids.add(ResourceID.fromResource(task));
      }
    }
    return ids;
  }
}
