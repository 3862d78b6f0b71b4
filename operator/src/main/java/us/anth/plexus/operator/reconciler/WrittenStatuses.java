package us.anth.plexus.operator.reconciler;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;

/**
 * Remembers the status the operator last wrote per task until the informer cache catches up, so a
 * reconcile started from a stale cache builds on what was written (keeping transition times and
 * avoiding repeated Events) instead of on what was there before.
 */
final class WrittenStatuses {
  private record Written(long resourceVersion, PlexusTaskStatus status) {}

  private final Map<String, Written> byUid = new ConcurrentHashMap<>();

  /** Records the task as returned by a status write. */
  void remember(PlexusTask written) {
    long version = version(written);
    if (written != null && written.getMetadata().getUid() != null && version >= 0) {
      byUid.put(written.getMetadata().getUid(), new Written(version, written.getStatus()));
    }
  }

  /** The newest known status of the task: the cached one, unless an own write is newer. */
  PlexusTaskStatus latest(PlexusTask cached) {
    String uid = cached.getMetadata().getUid();
    Written written = uid == null ? null : byUid.get(uid);
    if (written == null) {
      return cached.getStatus();
    }
    long cachedVersion = version(cached);
    if (cachedVersion >= 0 && cachedVersion < written.resourceVersion()) {
      return written.status();
    }
    byUid.remove(uid, written);
    return cached.getStatus();
  }

  /** Whether a status write of the task is known that the cache has not caught up with. */
  boolean pending(PlexusTask cached) {
    String uid = cached.getMetadata().getUid();
    return uid != null && byUid.containsKey(uid);
  }

  /** Drops what is known about a deleted task. */
  void forget(PlexusTask task) {
    if (task.getMetadata().getUid() != null) {
      byUid.remove(task.getMetadata().getUid());
    }
  }

  /** resourceVersion as a number (etcd revisions are); -1 when it is not one. */
  private static long version(PlexusTask task) {
    try {
      return task == null ? -1 : Long.parseLong(task.getMetadata().getResourceVersion());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
