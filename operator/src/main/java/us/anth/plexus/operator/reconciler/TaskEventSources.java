package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import us.anth.plexus.api.PlexusLabels;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.operator.runtime.PrunedItemStore;
import us.anth.plexus.operator.runtime.WithoutManagedFields;

/**
 * The informers a task reconcile reads besides the tasks: pools (spec changes only), and the Jobs
 * and pods the operator manages, each mapped back to its task; binds them to the caches. Jobs and
 * pods are cached pruned to what the operator reads ({@link CachedShapes}). Each informer also has
 * the mapping from a task to its pool, Jobs or pods: without one, JOSDK keeps an index from each
 * task to every secondary whose events were ever mapped to it, which only grows: every task still
 * without a pool when a pool's status changed got that pool (about 37 pools per task at 2,000 tasks
 * over 100 pools, so tasks × pools at 10,000), and a deleted task stayed in it. The operator reads
 * the caches directly, never JOSDK's secondary-resource lookup that the index serves.
 */
final class TaskEventSources {
  /** Index of the Job cache: {@link PoolSlot#indexKeys}. */
  static final String JOBS_BY_SLOT = "slot";

  /** Index of the pod cache: {@link TaskCaches#podIndexKeys}. */
  static final String PODS_BY_JOB = "job";

  /** Index of the task cache: {@link TaskMappers#indexKeys}. */
  static final String TASKS_BY_KEY = "mapping";

  private TaskEventSources() {}

  static List<EventSource<?, PlexusTask>> create(
      EventSourceContext<PlexusTask> context, TaskCaches caches, TaskMappers mappers) {
    var pools =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(PlexusWorkerPool.class, PlexusTask.class)
                .withName("pools")
                .withItemStore(new WithoutManagedFields<>())
                .withWatchAllNamespaces()
                .withSecondaryToPrimaryMapper(mappers::poolToTasks)
                .withPrimaryToSecondaryMapper(TaskMappers::poolOf)
                .withOnUpdateFilter(TaskEventSources::specChanged)
                .build(),
            context);
    var jobs =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Job.class, PlexusTask.class)
                .withName("jobs")
                .withItemStore(new PrunedItemStore<>(CachedShapes::job))
                .withLabelSelector(PlexusLabels.MANAGED_BY + "=" + PlexusLabels.MANAGED_BY_VALUE)
                .withSecondaryToPrimaryMapper(mappers::jobToTasks)
                .withPrimaryToSecondaryMapper(TaskMappers::jobsOf)
                .build(),
            context);
    var pods =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Pod.class, PlexusTask.class)
                .withName("pods")
                .withItemStore(new PrunedItemStore<>(CachedShapes::pod))
                .withLabelSelector(PlexusLabels.MANAGED_BY + "=" + PlexusLabels.MANAGED_BY_VALUE)
                .withSecondaryToPrimaryMapper(TaskMappers::owningTask)
                .withPrimaryToSecondaryMapper((PlexusTask task) -> caches.podsOf(task))
                .build(),
            context);
    jobs.addIndexers(Map.of(JOBS_BY_SLOT, PoolSlot::indexKeys));
    pods.addIndexers(Map.of(PODS_BY_JOB, TaskCaches::podIndexKeys));
    context.getPrimaryCache().addIndexers(Map.of(TASKS_BY_KEY, TaskMappers::indexKeys));
    caches.bind(context.getPrimaryCache(), pools, jobs, pods);
    return List.of(pools, jobs, pods);
  }

  /** Pool updates matter only when the spec changed (its own status writes do not). */
  private static boolean specChanged(PlexusWorkerPool updated, PlexusWorkerPool previous) {
    return !Objects.equals(
        updated.getMetadata().getGeneration(), previous.getMetadata().getGeneration());
  }
}
