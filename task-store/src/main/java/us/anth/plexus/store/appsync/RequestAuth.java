package us.anth.plexus.store.appsync;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Authenticates a GraphQL request: the {@code x-api-key} header, or a SigV4 signature (IAM). */
@FunctionalInterface
interface RequestAuth {
  /** Headers java.net.http sets itself and refuses from callers. */
  Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

  void apply(HttpRequest.Builder request, URI url, String body);

  static RequestAuth of(AppSyncSettings settings) {
    if (settings.auth() == AppSyncSettings.Auth.API_KEY) {
      return (request, url, body) -> request.header("x-api-key", settings.apiKey());
    }
    DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
    AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    return (request, url, body) -> {
      AwsCredentialsIdentity identity = credentials.resolveCredentials();
      SdkHttpRequest unsigned =
          SdkHttpRequest.builder()
              .uri(url)
              .method(SdkHttpMethod.POST)
              .putHeader("content-type", "application/json")
              .build();
      SignedRequest signed =
          signer.sign(
              r ->
                  r.identity(identity)
                      .request(unsigned)
                      .payload(ContentStreamProvider.fromUtf8String(body))
                      .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "appsync")
                      .putProperty(AwsV4HttpSigner.REGION_NAME, settings.region()));
      signed
          .request()
          .headers()
          .forEach(
              (name, values) -> {
                if (!RESTRICTED.contains(name.toLowerCase())
                    && !name.equalsIgnoreCase("content-type")) {
                  values.forEach(v -> request.header(name, v));
                }
              });
    };
  }
}
