package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import java.util.Map;
import us.anth.plexus.api.PlexusLabels;
import us.anth.plexus.operator.model.JobStates;

/**
 * What a Job is to its pool's concurrency accounting: it holds a slot (active) or waits for one
 * (queued); a finished Job is neither. The Job cache is indexed by {@link #indexKeys}, so a pool's
 * active or queued Jobs are one index lookup.
 */
enum PoolSlot {
  ACTIVE,
  QUEUED;

  /** The Job's state, or null when it is finished (or being deleted). */
  static PoolSlot of(Job job) {
    if (JobStates.isActive(job)) {
      return ACTIVE;
    }
    return JobStates.isQueued(job) ? QUEUED : null;
  }

  /** The index key of this state on the pool with label value {@code poolLabel}. */
  String key(String poolLabel) {
    return name() + ":" + poolLabel;
  }

  /** The Job's index keys: its state on its pool; none when finished or without a pool label. */
  static List<String> indexKeys(Job job) {
    Map<String, String> labels = job.getMetadata().getLabels();
    String pool = labels == null ? null : labels.get(PlexusLabels.POOL);
    PoolSlot slot = of(job);
    return pool == null || slot == null ? List.of() : List.of(slot.key(pool));
  }

  /** The pool label of a Job, or null. */
  static String poolLabel(Job job) {
    Map<String, String> labels = job.getMetadata().getLabels();
    return labels == null ? null : labels.get(PlexusLabels.POOL);
  }
}
