package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.PlexusWorkerPoolStatus;
import us.anth.plexus.operator.model.JobStates;

/** Writes a pool's activeTasks/queuedTasks (its printer columns) when they change. */
final class PoolStatusWriter {
  private static final Logger LOG = LoggerFactory.getLogger(PoolStatusWriter.class);

  private final KubernetesClient client;

  PoolStatusWriter(KubernetesClient client) {
    this.client = client;
  }

  /** Counts the pool's Jobs and writes the counts if they differ from the pool's status. */
  void write(PlexusWorkerPool pool, List<Job> poolJobs) {
    int active = (int) poolJobs.stream().filter(JobStates::isActive).count();
    int queued = (int) poolJobs.stream().filter(JobStates::isQueued).count();
    PlexusWorkerPoolStatus current = pool.getStatus();
    if (current != null
        && Objects.equals(current.getActiveTasks(), active)
        && Objects.equals(current.getQueuedTasks(), queued)
        && Objects.equals(current.getObservedGeneration(), pool.getMetadata().getGeneration())) {
      return;
    }
    PlexusWorkerPoolStatus status = new PlexusWorkerPoolStatus();
    status.setActiveTasks(active);
    status.setQueuedTasks(queued);
    status.setObservedGeneration(pool.getMetadata().getGeneration());
    try {
      // Patched through an item naming the pool: by name alone fabric8 GETs the pool first,
      // which the chart's least-privilege role (list/watch pools, patch pools/status) forbids.
      PlexusWorkerPool target = new PlexusWorkerPool();
      target.getMetadata().setName(pool.getMetadata().getName());
      client
          .resources(PlexusWorkerPool.class)
          .resource(target)
          .subresource("status")
          .patch(
              PatchContext.of(PatchType.JSON_MERGE),
              Serialization.asJson(Map.of("status", status)));
    } catch (KubernetesClientException e) {
      LOG.warn(
          "Could not update the status of pool {}: {}",
          pool.getMetadata().getName(),
          e.getMessage());
    }
  }
}
