package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.List;
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
 * count the pool's Jobs as read from the API server, so two reconciles can neither overfill the
 * pool nor release the same slot twice. Queued Jobs are released oldest first ({@link QueueOrder}).
 */
final class PoolSlots {
  private static final Logger LOG = LoggerFactory.getLogger(PoolSlots.class);
  private final JobClient jobs;
  private final PoolStatusWriter poolStatus;
  private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();
  private final MonotonicSequence queueStamps = new MonotonicSequence();

  PoolSlots(JobClient jobs, PoolStatusWriter poolStatus) {
    this.jobs = jobs;
    this.poolStatus = poolStatus;
  }

  /**
   * Creates the Job built by {@code desired} (given whether it must be suspended), then fills free
   * slots. Without a limit the Job is never suspended.
   */
  Job create(PlexusWorkerPool pool, Function<Boolean, Job> desired) {
    Integer limit = pool.getSpec().getConcurrencyLimit();
    if (limit == null) {
      Job created = jobs.create(desired.apply(false));
      poolStatus.write(pool, jobs.listPoolJobs(poolName(pool)));
      return created;
    }
    synchronized (lockOf(pool)) {
      List<Job> poolJobs = jobs.listPoolJobs(poolName(pool));
      boolean full =
          poolJobs.stream().filter(JobStates::isActive).count() >= limit
              || poolJobs.stream().anyMatch(JobStates::isQueued);
      Job job = desired.apply(full);
      Job created = jobs.create(full ? QueueOrder.stamped(job, queueStamps.nextInstant()) : job);
      releaseFreeSlots(pool);
      return created;
    }
  }

  /** Releases the oldest queued Jobs while the pool has free slots; returns how many. */
  int releaseFreeSlots(PlexusWorkerPool pool) {
    Integer limit = pool.getSpec().getConcurrencyLimit();
    synchronized (lockOf(pool)) {
      List<Job> poolJobs = jobs.listPoolJobs(poolName(pool));
      long active = poolJobs.stream().filter(JobStates::isActive).count();
      List<Job> queued = new ArrayList<>(poolJobs.stream().filter(JobStates::isQueued).toList());
      queued.sort(QueueOrder.OLDEST_FIRST);
      int count = 0;
      for (Job job : queued) {
        if (limit != null && active >= limit) {
          break;
        }
        LOG.info(
            "Releasing queued Job {}/{} on pool {}",
            job.getMetadata().getNamespace(),
            job.getMetadata().getName(),
            poolName(pool));
        jobs.release(job);
        active++;
        count++;
      }
      poolStatus.write(pool, count == 0 ? poolJobs : jobs.listPoolJobs(poolName(pool)));
      return count;
    }
  }

  private Object lockOf(PlexusWorkerPool pool) {
    return locks.computeIfAbsent(poolName(pool), k -> new Object());
  }

  private static String poolName(PlexusWorkerPool pool) {
    return pool.getMetadata().getName();
  }
}
