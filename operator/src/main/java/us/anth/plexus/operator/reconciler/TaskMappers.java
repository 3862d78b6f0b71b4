package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import us.anth.plexus.api.PlexusLabels;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.TaskPhase;

/**
 * Maps Job, pod and pool events to the tasks that must be reconciled because of them. Lookups go
 * through an index of the task cache ({@link #indexKeys}), so one event costs what it maps to, not
 * a scan of every task.
 */
final class TaskMappers {
  private static final String ON_POOL = "pool:";
  private static final String QUEUED_ON = "queued:";
  private static final String UNROUTED = "unrouted";

  private final Function<String, List<PlexusTask>> tasksByKey;

  /** {@code tasksByKey}: the cached tasks with an index key of {@link #indexKeys}. */
  TaskMappers(Function<String, List<PlexusTask>> tasksByKey) {
    this.tasksByKey = tasksByKey;
  }

  /**
   * The index keys of a task: unfinished tasks on a pool under that pool (queued ones also under
   * the pool's queue); unfinished tasks with neither pool nor Job (new, unroutable or waiting)
   * under one shared key. Finished tasks have none.
   */
  static List<String> indexKeys(PlexusTask task) {
    var status = task.getStatus();
    if (status != null && status.getPhase() != null && status.getPhase().isFinal()) {
      return List.of();
    }
    String pool = status == null ? null : status.getPool();
    if (pool == null) {
      return status == null || status.getJobName() == null ? List.of(UNROUTED) : List.of();
    }
    return status.getPhase() == TaskPhase.Queued
        ? List.of(ON_POOL + pool, QUEUED_ON + pool)
        : List.of(ON_POOL + pool);
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
      tasksByKey.apply(QUEUED_ON + pool).forEach(t -> ids.add(ResourceID.fromResource(t)));
    }
    return ids;
  }

  /**
   * Unfinished tasks that have no pool and no Job yet or run on this pool: a pool change may move
   * them.
   */
  Set<ResourceID> poolToTasks(PlexusWorkerPool pool) {
    Set<ResourceID> ids = new HashSet<>();
    tasksByKey
        .apply(ON_POOL + pool.getMetadata().getName())
        .forEach(t -> ids.add(ResourceID.fromResource(t)));
    tasksByKey.apply(UNROUTED).forEach(t -> ids.add(ResourceID.fromResource(t)));
    return ids;
  }
}
