package us.anth.plexus.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class DynamoClientsTest {
  private final TaskStoreSettings base = TaskStoreSettings.defaults();

  @Test
  void awsUsesTheDefaultCredentialChain() {
    assertThat(DynamoClients.credentials(base)).isInstanceOf(DefaultCredentialsProvider.class);
    assertThat(
            DynamoClients.credentials(
                base.withEndpoint("https://dynamodb.eu-west-1.amazonaws.com")))
        .isInstanceOf(DefaultCredentialsProvider.class);
  }

  @Test
  void loopbackDynamoDbLocalUsesDummyCredentials() {
    assertThat(DynamoClients.credentials(base.withEndpoint("http://127.0.0.1:8000")))
        .isInstanceOf(StaticCredentialsProvider.class);
    assertThat(DynamoClients.credentials(base.withEndpoint("http://localhost:8000")))
        .isInstanceOf(StaticCredentialsProvider.class);
  }

  @Test
  void otherEndpointsFallBackToDummyCredentials() {
    assertThat(DynamoClients.credentials(base.withEndpoint("http://dynamodb-local.plexus:8000")))
        .isInstanceOf(AwsCredentialsProviderChain.class);
  }

  @Test
  void buildsAClientForEverySettingWithoutCallingAws() {
    try (var client = DynamoClients.create(base.withEndpoint("http://127.0.0.1:1"))) {
      assertThat(client.serviceClientConfiguration().region().id()).isEqualTo("us-east-1");
      assertThat(client.serviceClientConfiguration().endpointOverride())
          .hasValueSatisfying(uri -> assertThat(uri.getPort()).isEqualTo(1));
    }
  }

  @Test
  void storesOpenOnOneClientAndCloseIt() {
    TaskStores stores = TaskStores.open(base.withEndpoint("http://127.0.0.1:1"));
    stores.close();

    assertThat(stores.tasks()).isNotNull();
    assertThat(stores.stages()).isNotNull();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> stores.client().listTables())
        .isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
  }

  @Test
  void retriesAreBoundedAndDoNotTripACircuitBreaker() {
    var strategy = DynamoClients.retryStrategy(8, java.time.Duration.ofSeconds(5));

    assertThat(strategy.maxAttempts()).isEqualTo(8);
    assertThat(strategy).isInstanceOf(software.amazon.awssdk.retries.StandardRetryStrategy.class);
  }
}
