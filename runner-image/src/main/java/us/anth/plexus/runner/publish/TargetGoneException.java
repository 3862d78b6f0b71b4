package us.anth.plexus.runner.publish;

/**
 * Thrown by a {@link ProgressSink} whose target no longer exists (the PlexusTask was deleted): its
 * publisher drops what is pending and writes to that sink no more. Other sinks carry on.
 */
public final class TargetGoneException extends Exception {
  public TargetGoneException(String message) {
    super(message);
  }
}
