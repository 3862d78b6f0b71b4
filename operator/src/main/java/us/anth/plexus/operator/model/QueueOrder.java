package us.anth.plexus.operator.model;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import us.anth.plexus.api.PlexusLabels;

/**
 * The order in which a pool's queued Jobs are released: the task's creationTimestamp (whole
 * seconds), then the queue stamp the operator puts on a Job it creates suspended (microseconds,
 * strictly increasing), then namespace and task name. Both live on the Job, so the order survives
 * operator restarts. Pure.
 */
public final class QueueOrder {
  /** Annotation with the time a Job was created suspended (ISO-8601, microseconds). */
  public static final String QUEUED_AT = PlexusLabels.PREFIX + "queued-at";

  /**
   * Oldest first (computes both keys per comparison; to sort many Jobs, sort their {@link #key}s).
   */
  public static final Comparator<Job> OLDEST_FIRST = Comparator.comparing(QueueOrder::key);

  /** A Job's place in the queue, parsed once from its annotations. */
  public record Key(Instant created, Instant queuedAt, String namespace, String taskName)
      implements Comparable<Key> {
    private static final Comparator<Key> ORDER =
        Comparator.comparing(Key::created)
            .thenComparing(Key::queuedAt)
            .thenComparing(Key::namespace)
            .thenComparing(Key::taskName);

    @Override
    public int compareTo(Key other) {
      return ORDER.compare(this, other);
    }
  }

  private QueueOrder() {}

  /** The Job's queue key. */
  public static Key key(Job job) {
    return new Key(
        instant(job, JobLabels.TASK_CREATED),
        instant(job, QUEUED_AT),
        orEmpty(job.getMetadata().getNamespace()),
        annotation(job, PlexusLabels.TASK_NAME));
  }

  /** The Job with its queue stamp. */
  public static Job stamped(Job job, Instant queuedAt) {
    Map<String, String> annotations = new LinkedHashMap<>();
    if (job.getMetadata().getAnnotations() != null) {
      annotations.putAll(job.getMetadata().getAnnotations());
    }
    annotations.put(QUEUED_AT, queuedAt.toString());
    job.getMetadata().setAnnotations(annotations);
    return job;
  }

  /** The annotation as an instant; missing or unreadable = the epoch (sorts first). */
  private static Instant instant(Job job, String key) {
    try {
      String value = annotation(job, key);
      return value.isEmpty() ? Instant.EPOCH : Instant.parse(value);
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }

  private static String annotation(Job job, String key) {
    var annotations = job.getMetadata().getAnnotations();
    return orEmpty(annotations == null ? null : annotations.get(key));
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
