package us.anth.plexus.bridge;

import java.time.Duration;
import java.util.Optional;
import us.anth.plexus.api.PlexusTask;

/**
 * The bridge's PlexusTask calls: find, create (or return the one a previous delivery of the same
 * record created), and delete a previous run's task. Calls throw io.fabric8's
 * KubernetesClientException when the API refuses or fails.
 */
public interface PlexusTaskWriter {
  /** The task of that namespace and name, if it exists. */
  Optional<PlexusTask> find(String namespace, String name);

  /** Creates {@code task}; if a task of that name exists already, returns it instead. */
  PlexusTask createOrFind(PlexusTask task);

  /** Deletes {@code task} and waits up to {@code timeout} for it to be gone; true when gone. */
  boolean deleteAndWait(PlexusTask task, Duration timeout);
}
