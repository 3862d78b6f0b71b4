package us.anth.plexus.bridge.poller;

import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import us.anth.plexus.store.DynamoClients;
import us.anth.plexus.store.TaskStoreSettings;

/**
 * Builds the DynamoDB Streams client with the Task table client's region, endpoint, credentials and
 * HTTP timeouts ({@link DynamoClients#configure}); the SDK's default retries.
 */
public final class StreamsClients {
  private StreamsClients() {}

  public static DynamoDbStreamsClient create(TaskStoreSettings settings) {
    return DynamoClients.configure(DynamoDbStreamsClient.builder(), settings).build();
  }
}
