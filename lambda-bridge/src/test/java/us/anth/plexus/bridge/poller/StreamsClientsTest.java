package us.anth.plexus.bridge.poller;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import us.anth.plexus.store.TaskStoreSettings;

class StreamsClientsTest {
  private final TaskStoreSettings base =
      TaskStoreSettings.fromEnv(Map.of(TaskStoreSettings.REGION, "eu-west-1"));

  @Test
  void streamsClientTalksToTheTableClientsRegionAndEndpoint() {
    try (var streams = StreamsClients.create(base.withEndpoint("http://127.0.0.1:1"))) {
      var configuration = streams.serviceClientConfiguration();
      assertThat(configuration.region().id()).isEqualTo("eu-west-1");
      assertThat(configuration.endpointOverride())
          .hasValueSatisfying(uri -> assertThat(uri.getPort()).isEqualTo(1));
      assertThat(configuration.credentialsProvider()).isInstanceOf(StaticCredentialsProvider.class);
    }
  }

  @Test
  void inClusterEndpointFallsBackToDummyCredentialsLikeTheTableClient() {
    try (var streams =
        StreamsClients.create(base.withEndpoint("http://dynamodb-local.plexus:8000"))) {
      assertThat(streams.serviceClientConfiguration().credentialsProvider())
          .isInstanceOf(AwsCredentialsProviderChain.class);
    }
  }
}
