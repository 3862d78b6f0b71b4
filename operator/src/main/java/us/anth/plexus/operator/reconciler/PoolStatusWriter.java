package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.PlexusWorkerPoolStatus;

/**
 * Writes a pool's activeTasks/queuedTasks (its printer columns) when they change: at most once per
 * {@link #INTERVAL} per pool, counted from the caches when the write is due, as a merge patch
 * without a prior read.
 */
final class PoolStatusWriter {
  static final Duration INTERVAL = Duration.ofSeconds(1);
  private static final Logger LOG = LoggerFactory.getLogger(PoolStatusWriter.class);

  private final KubernetesClient client;
  private final TaskCaches caches;
  private final Set<String> due = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "pool-status-writer");
            thread.setDaemon(true);
            return thread;
          });
  private volatile BiFunction<String, PoolSlot, List<Job>> poolJobs = (pool, slot) -> List.of();

  PoolStatusWriter(KubernetesClient client, TaskCaches caches) {
    this.client = client;
    this.caches = caches;
  }

  /** Where the pool's active and queued Jobs are counted from (by pool name). */
  void countWith(BiFunction<String, PoolSlot, List<Job>> poolJobs) {
    this.poolJobs = poolJobs;
  }

  /** Asks for the pool's counts to be written within {@link #INTERVAL}. */
  void requestWrite(String poolName) {
    if (due.add(poolName)) {
      timer.schedule(() -> writeDue(poolName), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void writeDue(String poolName) {
    due.remove(poolName);
    try {
      caches
          .pool(poolName)
          .ifPresent(
              pool ->
                  write(
                      pool,
                      poolJobs.apply(poolName, PoolSlot.ACTIVE).size(),
                      poolJobs.apply(poolName, PoolSlot.QUEUED).size()));
    } catch (RuntimeException e) {
      LOG.warn("Could not count the Jobs of pool {}: {}", poolName, e.getMessage());
    }
  }

  /** Writes the counts if they differ from the pool's status. */
  void write(PlexusWorkerPool pool, int active, int queued) {
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
      PoolStatusPatch.merge(client, pool.getMetadata().getName(), status);
    } catch (KubernetesClientException e) {
      LOG.warn(
          "Could not update the status of pool {}: {}",
          pool.getMetadata().getName(),
          e.getMessage());
    }
  }
}
