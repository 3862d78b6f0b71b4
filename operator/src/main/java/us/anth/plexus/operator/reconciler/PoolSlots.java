package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.operator.model.QueueOrder;
import us.anth.plexus.store.MonotonicSequence;

/**
 * Enforces a pool's concurrency limit. Decisions for one pool are serialized by a per-pool lock and
 * count the pool's active and queued Jobs from the informer cache's slot index ({@link PoolSlot})
 * overlaid with this operator's own writes ({@link RecentJobs}), so two reconciles can neither
 * overfill the pool nor release the same slot twice, without reading the API server per task.
 * Queued Jobs are released oldest first ({@link QueueOrder}, keys computed once per Job).
 */
final class PoolSlots {
  private static final Logger LOG = LoggerFactory.getLogger(PoolSlots.class);
  private final JobClient jobs;
  private final TaskCaches caches;
  private final RecentJobs poolJobs;
  private final PoolStatusWriter poolStatus;
  private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

  /** Queue keys of queued Jobs by uid, parsed once per Job, dropped once it is no longer queued. */
  private final ConcurrentMap<String, QueueOrder.Key> queueKeys = new ConcurrentHashMap<>();

  private final MonotonicSequence queueStamps = new MonotonicSequence();

  PoolSlots(JobClient jobs, TaskCaches caches, PoolStatusWriter poolStatus) {
    this.jobs = jobs;
    this.caches = caches;
    this.poolJobs = new RecentJobs(caches);
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
      boolean full =
          poolJobs.poolJobs(poolName(pool), PoolSlot.ACTIVE).size() >= limit
              || !poolJobs.poolJobs(poolName(pool), PoolSlot.QUEUED).isEmpty();
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
    synchronized (lockOf(pool)) {
      int count = 0;
      for (Job job : nextQueued(poolName(pool), pool.getSpec().getConcurrencyLimit())) {
        LOG.info(
            "Releasing queued Job {}/{} on pool {}",
            job.getMetadata().getNamespace(),
            job.getMetadata().getName(),
            poolName(pool));
        poolJobs.remember(jobs.release(job));
        queueKeys.remove(uidOf(job));
        count++;
      }
      poolStatus.requestWrite(poolName(pool));
      return count;
    }
  }

  /**
   * The queued Jobs that may take the slot {@code job} leaves: when it is finished or gone from the
   * cache, the first queued Jobs of its pool in queue order, as many as the pool has free slots;
   * otherwise none. Forgets the queue key of a Job that is no longer queued.
   */
  List<Job> takersOfSlot(Job job) {
    PoolSlot slot = PoolSlot.of(job);
    boolean cached = caches.informerJob(job).isPresent();
    if (slot != PoolSlot.QUEUED || !cached) {
      queueKeys.remove(uidOf(job));
    }
    String label = PoolSlot.poolLabel(job);
    if (slot == PoolSlot.QUEUED || (slot == PoolSlot.ACTIVE && cached) || label == null) {
      return List.of();
    }
    return caches
        .poolByLabel(label)
        .map(p -> nextQueued(p.getMetadata().getName(), p.getSpec().getConcurrencyLimit()))
        .orElse(List.of());
  }

  /** The queued Jobs that get one of the pool's free slots now, oldest first. */
  private List<Job> nextQueued(String pool, Integer limit) {
    List<Job> queued = poolJobs.poolJobs(pool, PoolSlot.QUEUED);
    if (queued.isEmpty()) {
      return List.of();
    }
    long free =
        limit == null
            ? queued.size()
            : limit - (long) poolJobs.poolJobs(pool, PoolSlot.ACTIVE).size();
    if (free <= 0) {
      return List.of();
    }
    Comparator<Job> oldestFirst = Comparator.comparing(this::queueKey);
    return free == 1
        ? List.of(queued.stream().min(oldestFirst).orElseThrow())
        : queued.stream().sorted(oldestFirst).limit(free).toList();
  }

  private QueueOrder.Key queueKey(Job job) {
    return queueKeys.computeIfAbsent(uidOf(job), uid -> QueueOrder.key(job));
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
