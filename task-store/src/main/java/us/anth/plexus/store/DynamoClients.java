package us.anth.plexus.store;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the SDK client: region, endpoint override, and a retry strategy with exponential backoff
 * and full jitter for throttling, 5xx and connection failures (no circuit breaker, so an outage is
 * retried on every call rather than failing fast after a burst).
 */
public final class DynamoClients {
  /** Attempts per call (first try included) by default. */
  public static final int DEFAULT_MAX_ATTEMPTS = 8;

  /** Longest wait between two attempts by default. */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);

  private static final AwsCredentialsProvider LOCAL =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

  private DynamoClients() {}

  /** A client with the default retry budget (8 attempts, 50 ms base, 5 s cap, full jitter). */
  public static DynamoDbClient create(TaskStoreSettings settings) {
    return create(settings, DEFAULT_MAX_ATTEMPTS, DEFAULT_MAX_BACKOFF);
  }

  /** A client with an explicit retry budget (tests use a small one to observe outages fast). */
  public static DynamoDbClient create(
      TaskStoreSettings settings, int maxAttempts, Duration maxBackoff) {
    return configure(DynamoDbClient.builder(), settings)
        .overrideConfiguration(
            o ->
                o.retryStrategy(retryStrategy(maxAttempts, maxBackoff))
                    .apiCallAttemptTimeout(Duration.ofSeconds(15)))
        .build();
  }

  /**
   * Applies what every client of the task tables shares — region, credentials (see {@link
   * #credentials}), endpoint override and an HTTP client with short timeouts — to any synchronous
   * AWS client builder, e.g. the DynamoDB Streams client of the bridge. Retries stay the caller's.
   */
  public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(
      B builder, TaskStoreSettings settings) {
    builder
        .region(Region.of(settings.region()))
        .credentialsProvider(credentials(settings))
        .httpClientBuilder(
            UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10)));
    if (!settings.endpoint().isEmpty()) {
      builder.endpointOverride(URI.create(settings.endpoint()));
    }
    return builder;
  }

  static RetryStrategy retryStrategy(int maxAttempts, Duration maxBackoff) {
    BackoffStrategy backoff = BackoffStrategy.exponentialDelay(Duration.ofMillis(50), maxBackoff);
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(maxAttempts)
        .backoffStrategy(backoff)
        .throttlingBackoffStrategy(
            BackoffStrategy.exponentialDelay(Duration.ofMillis(200), maxBackoff))
        .circuitBreakerEnabled(false)
        .build();
  }

  /**
   * No endpoint override or an AWS endpoint: the default AWS chain. A loopback endpoint (DynamoDB
   * Local) accepts any key, so dummy credentials. Any other endpoint (e.g. DynamoDB Local as an
   * in-cluster Service): the default chain, falling back to dummy credentials.
   */
  static AwsCredentialsProvider credentials(TaskStoreSettings settings) {
    String endpoint = settings.endpoint();
    if (endpoint.isEmpty() || endpoint.contains(".amazonaws.com")) {
      return DefaultCredentialsProvider.builder().build();
    }
    if (endpoint.contains("://localhost")
        || endpoint.contains("://127.")
        || endpoint.contains("[::1]")) {
      return LOCAL;
    }
    return AwsCredentialsProviderChain.builder()
        .credentialsProviders(DefaultCredentialsProvider.builder().build(), LOCAL)
        .build();
  }
}
