package us.anth.plexus.operator.reconciler;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.operator.mirror.TaskRecordUpdates;
import us.anth.plexus.store.TaskStatus;

/**
 * Remembers, per task, the errorDetails the operator last mirrored for a failed or cancelled task.
 * The operator is the only writer of the record's errorDetails; the runner's part (exit code,
 * stderr tail) reaches it through the PlexusTask status, possibly after the operator's first final
 * write. When it does, the operator mirrors again so that the record ends with the full version
 * (phase, attempts, Job, exit code, the runner's details).
 */
final class MirroredDetails {
  private final Map<String, String> byUid = new ConcurrentHashMap<>();

  /** Whether the record should carry errorDetails that differ from the ones last mirrored. */
  boolean stale(PlexusTask task, PlexusTaskStatus operator) {
    String uid = task.getMetadata().getUid();
    return uid != null
        && carriesErrorDetails(operator)
        && !Objects.equals(byUid.get(uid), TaskRecordUpdates.errorDetails(task, operator));
  }

  /** Records a successful mirror of {@code operator} for the task. */
  void remember(PlexusTask task, PlexusTaskStatus operator) {
    String uid = task.getMetadata().getUid();
    if (uid != null && carriesErrorDetails(operator)) {
      byUid.put(uid, TaskRecordUpdates.errorDetails(task, operator));
    }
  }

  /** Drops what is known about a deleted task. */
  void forget(PlexusTask task) {
    if (task.getMetadata().getUid() != null) {
      byUid.remove(task.getMetadata().getUid());
    }
  }

  /** Failed and Cancelled tasks (record status FAILED) are the ones whose record has details. */
  private static boolean carriesErrorDetails(PlexusTaskStatus operator) {
    return TaskRecordUpdates.status(operator.getPhase()) == TaskStatus.FAILED;
  }
}
