package us.anth.plexus.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The client and both stores for one set of settings, for callers that need all of them (the
 * operator's mirror, the runner). Closing it closes the client.
 */
public record TaskStores(DynamoDbClient client, TaskRecordStore tasks, TaskStageStore stages)
    implements AutoCloseable {

  /** A client with the default retries ({@link DynamoClients#create}) and stores on it. */
  public static TaskStores open(TaskStoreSettings settings) {
    return on(DynamoClients.create(settings), settings);
  }

  /** Stores on an existing client (which the caller keeps owning only if it does not close). */
  public static TaskStores on(DynamoDbClient client, TaskStoreSettings settings) {
    return new TaskStores(
        client, new TaskRecordStore(client, settings), new TaskStageStore(client, settings));
  }

  @Override
  public void close() {
    client.close();
  }
}
