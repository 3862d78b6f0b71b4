package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import us.anth.plexus.api.LabelValues;

/**
 * A pool's active or queued Jobs as the informer cache's slot index holds them, overlaid with the
 * Jobs this operator just wrote (created or released) and the cache has not caught up with yet, so
 * that slot decisions made right after a write see it. A written Job is dropped from the overlay
 * once the informer holds that version or a newer one, or after {@link #HOLD}.
 */
final class RecentJobs {
  static final Duration HOLD = Duration.ofSeconds(30);

  private record Written(Job job, long at) {}

  private final TaskCaches caches;

  /** Per pool label: the Jobs written and not yet seen by the informer, by namespace/name. */
  private final ConcurrentMap<String, ConcurrentMap<String, Written>> written =
      new ConcurrentHashMap<>();

  RecentJobs(TaskCaches caches) {
    this.caches = caches;
  }

  /** Remembers a Job as the API server returned it from a write; returns it. */
  Job remember(Job job) {
    String pool = job == null || job.getMetadata() == null ? null : PoolSlot.poolLabel(job);
    if (pool != null) {
      written
          .computeIfAbsent(pool, p -> new ConcurrentHashMap<>())
          .put(key(job), new Written(job, System.nanoTime()));
    }
    return job;
  }

  /** The pool's Jobs in {@code slot}: the cache's, with newer versions this operator wrote. */
  List<Job> poolJobs(String poolName, PoolSlot slot) {
    String label = LabelValues.sanitize(poolName);
    Map<String, Job> byName = new LinkedHashMap<>();
    for (Job job : caches.poolJobs(label, slot)) {
      byName.put(key(job), job);
    }
    Map<String, Written> mine = written.getOrDefault(label, new ConcurrentHashMap<>());
    long now = System.nanoTime();
    mine.forEach(
        (key, entry) -> {
          Job cached = caches.informerJob(entry.job()).orElse(null);
          if (now - entry.at() > HOLD.toNanos()
              || (cached != null && !older(cached, entry.job()))) {
            mine.remove(key, entry);
          } else if (PoolSlot.of(entry.job()) == slot) {
            byName.put(key, entry.job());
          } else {
            byName.remove(key);
          }
        });
    return new ArrayList<>(byName.values());
  }

  /** Whether {@code cached} is an older version than {@code mine} (numeric resourceVersions). */
  private static boolean older(Job cached, Job mine) {
    try {
      return Long.parseLong(cached.getMetadata().getResourceVersion())
          < Long.parseLong(mine.getMetadata().getResourceVersion());
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String key(Job job) {
    return job.getMetadata().getNamespace() + "/" + job.getMetadata().getName();
  }
}
