package us.anth.plexus.store.appsync;

/** The GraphQL API could not be reached (after the client's retries); trying later may work. */
public final class AppSyncUnavailableException extends RuntimeException {
  public AppSyncUnavailableException(String message) {
    super(message);
  }
}
