package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import us.anth.plexus.api.LabelValues;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusWorkerPool;

/** Read access to the informer caches the reconciler needs: tasks, pools, Jobs and pods. */
final class TaskCaches {
  /** Labels the Job controller puts on the pods of a Job. */
  static final List<String> JOB_NAME_LABELS = List.of("batch.kubernetes.io/job-name", "job-name");

  private volatile IndexedResourceCache<PlexusTask> tasks;
  private volatile InformerEventSource<PlexusWorkerPool, PlexusTask> pools;
  private volatile InformerEventSource<Job, PlexusTask> jobs;
  private volatile InformerEventSource<Pod, PlexusTask> pods;

  void bind(
      IndexedResourceCache<PlexusTask> tasks,
      InformerEventSource<PlexusWorkerPool, PlexusTask> pools,
      InformerEventSource<Job, PlexusTask> jobs,
      InformerEventSource<Pod, PlexusTask> pods) {
    this.tasks = tasks;
    this.pools = pools;
    this.jobs = jobs;
    this.pods = pods;
  }

  boolean bound() {
    return tasks != null;
  }

  List<PlexusWorkerPool> pools() {
    return pools.list().toList();
  }

  Optional<PlexusWorkerPool> pool(String name) {
    return name == null ? Optional.empty() : pools.get(new ResourceID(name));
  }

  /** The cached Jobs of the pool with label value {@code poolLabel} that are in {@code slot}. */
  List<Job> poolJobs(String poolLabel, PoolSlot slot) {
    return jobs == null
        ? List.of()
        : jobs.byIndex(TaskEventSources.JOBS_BY_SLOT, slot.key(poolLabel));
  }

  /** The informer's own copy of the Job (not one the operator just wrote). */
  Optional<Job> informerJob(Job job) {
    return jobs.getCachedValue(ResourceID.fromResource(job));
  }

  /** The pool whose name gives the label value {@code poolLabel}. */
  Optional<PlexusWorkerPool> poolByLabel(String poolLabel) {
    return pool(poolLabel)
        .or(
            () ->
                pools
                    .list(p -> poolLabel.equals(LabelValues.sanitize(p.getMetadata().getName())))
                    .findFirst());
  }

  /** The cached tasks with the index key (see {@link TaskMappers#indexKeys}). */
  List<PlexusTask> tasksByKey(String key) {
    return tasks == null ? List.of() : tasks.byIndex(TaskEventSources.TASKS_BY_KEY, key);
  }

  Optional<Job> job(String namespace, String name) {
    return jobs.get(new ResourceID(name, namespace));
  }

  /**
   * Puts a Job the operator just created into JOSDK's temporary cache, so {@link #job} returns it
   * until the informer has seen it (the informer may lag behind our own create).
   */
  void jobCreated(Job job) {
    jobs.handleRecentResourceCreate(ResourceID.fromResource(job), job);
  }

  /** The cached pods of a Job: one index lookup (a scan of every pod took 15% of the CPU). */
  List<Pod> podsOf(String namespace, String jobName) {
    return pods.byIndex(TaskEventSources.PODS_BY_JOB, namespace + "/" + jobName);
  }

  /** The pod cache's index key: namespace/job name, none for a pod without a Job label. */
  static List<String> podIndexKeys(Pod pod) {
    String job = jobNameOf(pod);
    return job == null ? List.of() : List.of(pod.getMetadata().getNamespace() + "/" + job);
  }

  /** The cached pods of the task's Jobs ({@link TaskMappers#jobsOf}). */
  Set<ResourceID> podsOf(PlexusTask task) {
    Set<ResourceID> ids = new HashSet<>();
    for (ResourceID job : TaskMappers.jobsOf(task)) {
      String namespace = job.getNamespace().orElse(null);
      podsOf(namespace, job.getName()).forEach(pod -> ids.add(ResourceID.fromResource(pod)));
    }
    return ids;
  }

  Optional<PlexusTask> task(String namespace, String name) {
    return tasks.get(new ResourceID(name, namespace));
  }

  /** Every cached task (for mappers and metrics). */
  List<PlexusTask> tasks() {
    return tasks == null ? List.of() : tasks.list().toList();
  }

  private static String jobNameOf(Pod pod) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    if (labels == null) {
      return null;
    }
    return JOB_NAME_LABELS.stream()
        .map(labels::get)
        .filter(v -> v != null)
        .findFirst()
        .orElse(null);
  }
}
