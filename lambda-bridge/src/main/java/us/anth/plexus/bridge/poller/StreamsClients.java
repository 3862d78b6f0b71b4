package us.anth.plexus.bridge.poller;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import us.anth.plexus.store.TaskStoreSettings;

/** Builds the DynamoDB Streams client for the same region and endpoint as the Task table. */
public final class StreamsClients {
  private StreamsClients() {}

  public static DynamoDbStreamsClient create(TaskStoreSettings settings) {
    var builder =
        DynamoDbStreamsClient.builder()
            .region(Region.of(settings.region()))
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(2))
                    .socketTimeout(Duration.ofSeconds(10)));
    if (settings.endpoint().isEmpty()) {
      builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
    } else {
      builder.endpointOverride(URI.create(settings.endpoint()));
      builder.credentialsProvider(
          settings.endpoint().contains("://localhost") || settings.endpoint().contains("://127.")
              ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
              : DefaultCredentialsProvider.builder().build());
    }
    return builder.build();
  }
}
