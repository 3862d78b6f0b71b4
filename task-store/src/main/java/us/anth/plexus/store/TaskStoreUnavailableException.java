package us.anth.plexus.store;

/** DynamoDB could not be reached (or failed) after all retries, for calls that must not guess. */
public final class TaskStoreUnavailableException extends RuntimeException {
  public TaskStoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
