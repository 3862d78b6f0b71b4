package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import us.anth.plexus.api.LabelValues;
import us.anth.plexus.api.PlexusLabels;

/**
 * A pool's Jobs as the informer cache holds them, overlaid with the Jobs this operator just wrote
 * (created or released) and the cache has not caught up with yet, so that slot decisions made right
 * after a write see it. A written Job is dropped from the overlay once the cache holds that version
 * or a newer one, or after {@link #HOLD}.
 */
final class RecentJobs {
  static final Duration HOLD = Duration.ofSeconds(30);

  private record Written(Job job, long at) {}

  private final Function<String, List<Job>> cachedPoolJobs;
  private final ConcurrentMap<String, Written> written = new ConcurrentHashMap<>();

  /** {@code cachedPoolJobs}: the cached Jobs of a pool, by pool name. */
  RecentJobs(Function<String, List<Job>> cachedPoolJobs) {
    this.cachedPoolJobs = cachedPoolJobs;
  }

  /** Remembers a Job as the API server returned it from a write; returns it. */
  Job remember(Job job) {
    if (job != null && job.getMetadata() != null) {
      written.put(key(job), new Written(job, System.nanoTime()));
    }
    return job;
  }

  /** The pool's Jobs: the cache's, with newer versions this operator wrote in their place. */
  List<Job> poolJobs(String poolName) {
    Map<String, Job> byName = new LinkedHashMap<>();
    for (Job job : cachedPoolJobs.apply(poolName)) {
      byName.put(key(job), job);
    }
    String label = LabelValues.sanitize(poolName);
    long now = System.nanoTime();
    written.forEach(
        (key, entry) -> {
          Job cached = byName.get(key);
          if (now - entry.at() > HOLD.toNanos()
              || (cached != null && !older(cached, entry.job()))) {
            written.remove(key, entry);
          } else if (label.equals(poolLabel(entry.job()))) {
            byName.put(key, entry.job());
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

  private static String poolLabel(Job job) {
    Map<String, String> labels = job.getMetadata().getLabels();
    return labels == null ? null : labels.get(PlexusLabels.POOL);
  }

  private static String key(Job job) {
    return job.getMetadata().getNamespace() + "/" + job.getMetadata().getName();
  }
}
