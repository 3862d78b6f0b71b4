package us.anth.plexus.bridge;

import us.anth.plexus.api.PlexusTask;

/** Creates a PlexusTask, or returns the one a previous delivery of the same record created. */
@FunctionalInterface
public interface PlexusTaskWriter {
  /**
   * Creates {@code task}; if a task of that name exists already, returns it instead. Throws
   * io.fabric8's KubernetesClientException when the API refuses or fails.
   */
  PlexusTask createOrFind(PlexusTask task);
}
