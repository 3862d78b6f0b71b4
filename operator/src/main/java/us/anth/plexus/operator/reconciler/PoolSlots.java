package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.operator.model.JobStates;
import us.anth.plexus.operator.model.QueueOrder;
import us.anth.plexus.store.MonotonicSequence;

/**
 * Enforces a pool's concurrency limit. Decisions for one pool are serialized by a per-pool lock and
 * count the pool's Jobs from the informer cache (indexed by pool) overlaid with this operator's own
 * writes ({@link RecentJobs}), so two reconciles can neither overfill the pool nor release the same
 * slot twice, without reading the API server per task. Queued Jobs are released oldest first
 * ({@link QueueOrder}, keys computed once per Job).
 */
final class PoolSlots {
  private static final Logger LOG = LoggerFactory.getLogger(PoolSlots.class);
  private final JobClient jobs;
  private final RecentJobs poolJobs;
  private final PoolStatusWriter poolStatus;
  private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

  /** Per pool: queue keys of its queued Jobs by uid, parsed once per Job. */
  private final ConcurrentMap<String, Map<String, QueueOrder.Key>> queueKeys =
      new ConcurrentHashMap<>();

  private final MonotonicSequence queueStamps = new MonotonicSequence();

  PoolSlots(JobClient jobs, TaskCaches caches, PoolStatusWriter poolStatus) {
    this.jobs = jobs;
    this.poolJobs = new RecentJobs(caches::poolJobs);
    this.poolStatus = poolStatus;
    poolStatus.countWith(poolJobs::poolJobs);
  }

  /**
   * Creates the Job built by {@code desired} (given whether it must be suspended), then fills free
   * slots. Without a limit the Job is never suspended.
   */
  Job create(PlexusWorkerPool pool, Function<Boolean, Job> desired) {
    Integer limit = pool.getSpec().getConcurrencyLimit();
    if (limit == null) {
      Job created = poolJobs.remember(jobs.create(desired.apply(false)));
      poolStatus.requestWrite(poolName(pool));
      return created;
    }
    synchronized (lockOf(pool)) {
      List<Job> current = poolJobs.poolJobs(poolName(pool));
      boolean full =
          current.stream().filter(JobStates::isActive).count() >= limit
              || current.stream().anyMatch(JobStates::isQueued);
      Job job = desired.apply(full);
      Job created =
          poolJobs.remember(
              jobs.create(full ? QueueOrder.stamped(job, queueStamps.nextInstant()) : job));
      releaseFreeSlots(pool);
      return created;
    }
  }

  /** Releases the oldest queued Jobs while the pool has free slots; returns how many. */
  int releaseFreeSlots(PlexusWorkerPool pool) {
    Integer limit = pool.getSpec().getConcurrencyLimit();
    synchronized (lockOf(pool)) {
      List<Job> current = poolJobs.poolJobs(poolName(pool));
      long active = current.stream().filter(JobStates::isActive).count();
      int count = 0;
      if (limit == null || active < limit) {
        List<Job> queued = current.stream().filter(JobStates::isQueued).toList();
        for (Job job : oldestFirst(poolName(pool), queued)) {
          if (limit != null && active >= limit) {
            break;
          }
          LOG.info(
              "Releasing queued Job {}/{} on pool {}",
              job.getMetadata().getNamespace(),
              job.getMetadata().getName(),
              poolName(pool));
          poolJobs.remember(jobs.release(job));
          active++;
          count++;
        }
      }
      poolStatus.requestWrite(poolName(pool));
      return count;
    }
  }

  /**
   * The queued Jobs in release order. Called under the pool's lock; each Job's key is parsed once
   * and kept while the Job stays queued.
   */
  private List<Job> oldestFirst(String pool, List<Job> queued) {
    Map<String, QueueOrder.Key> keys = queueKeys.computeIfAbsent(pool, p -> new HashMap<>());
    Map<String, Job> byUid = new HashMap<>();
    queued.forEach(job -> byUid.put(uidOf(job), job));
    keys.keySet().retainAll(byUid.keySet());
    byUid.forEach((uid, job) -> keys.computeIfAbsent(uid, u -> QueueOrder.key(job)));
    return byUid.keySet().stream().sorted(Comparator.comparing(keys::get)).map(byUid::get).toList();
  }

  private static String uidOf(Job job) {
    String uid = job.getMetadata().getUid();
    return uid != null ? uid : job.getMetadata().getNamespace() + "/" + job.getMetadata().getName();
  }

  private Object lockOf(PlexusWorkerPool pool) {
    return locks.computeIfAbsent(poolName(pool), k -> new Object());
  }

  private static String poolName(PlexusWorkerPool pool) {
    return pool.getMetadata().getName();
  }
}
