package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import us.anth.plexus.api.PlexusLabels;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.operator.model.JobNames;

/**
 * Maps Job, pod and pool events to the tasks that must be reconciled because of them. Lookups go
 * through an index of the task cache ({@link #indexKeys}), so one event costs what it maps to, not
 * a scan of every task. The reverse mappings (a task's pool and Jobs) stand in for JOSDK's
 * primary-to-secondary index (see {@link TaskEventSources}).
 */
final class TaskMappers {
  private static final String ON_POOL = "pool:";
  private static final String UNROUTED = "unrouted";

  private final Function<String, List<PlexusTask>> tasksByKey;
  private final Function<Job, List<Job>> slotTakers;

  /**
   * {@code tasksByKey}: the cached tasks with an index key of {@link #indexKeys}; {@code
   * slotTakers}: the queued Jobs that get the slot a Job leaves ({@link PoolSlots#takersOfSlot}).
   */
  TaskMappers(Function<String, List<PlexusTask>> tasksByKey, Function<Job, List<Job>> slotTakers) {
    this.tasksByKey = tasksByKey;
    this.slotTakers = slotTakers;
  }

  /**
   * The index keys of a task: unfinished tasks on a pool under that pool; unfinished tasks with
   * neither pool nor Job (new, unroutable or waiting) under one shared key. Finished tasks have
   * none.
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
    return List.of(ON_POOL + pool);
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

  /**
   * A Job's own task; when the Job left a slot free (finished or deleted), also the tasks of the
   * next queued Jobs of its pool, in queue order, one per free slot: a freed slot wakes only the
   * tasks that can take it, never the whole queue.
   */
  Set<ResourceID> jobToTasks(Job job) {
    Set<ResourceID> ids = new HashSet<>(owningTask(job));
    slotTakers.apply(job).forEach(taker -> ids.addAll(owningTask(taker)));
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

  /** The pool a task was routed to (none before routing). */
  static Set<ResourceID> poolOf(PlexusTask task) {
    String pool = task.getStatus() == null ? null : task.getStatus().getPool();
    return pool == null ? Set.of() : Set.of(new ResourceID(pool));
  }

  /** The task's Job and, once one was started, its rollback Job. */
  static Set<ResourceID> jobsOf(PlexusTask task) {
    String namespace = task.getMetadata().getNamespace();
    Set<ResourceID> ids = new HashSet<>();
    ids.add(new ResourceID(JobNames.forTask(task), namespace));
    var status = task.getStatus();
    if (status != null
        && status.getRollback() != null
        && status.getRollback().getJobName() != null) {
      ids.add(new ResourceID(status.getRollback().getJobName(), namespace));
    }
    return ids;
  }
}
