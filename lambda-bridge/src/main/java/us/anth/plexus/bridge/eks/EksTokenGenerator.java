package us.anth.plexus.bridge.eks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Makes an EKS bearer token the way {@code aws eks get-token} does: an STS GetCallerIdentity URL
 * presigned (SigV4, query string, 60 s) with the {@code x-k8s-aws-id: <cluster>} header signed,
 * base64url-encoded without padding and prefixed {@code k8s-aws-v1.}.
 */
public final class EksTokenGenerator {
  /** Prefix of every EKS token. */
  public static final String TOKEN_PREFIX = "k8s-aws-v1.";

  /** Header naming the cluster the token is for. */
  public static final String CLUSTER_HEADER = "x-k8s-aws-id";

  /** Validity of the presigned URL, as aws-iam-authenticator expects. */
  public static final Duration EXPIRY = Duration.ofSeconds(60);

  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
  private final String clusterName;
  private final String region;

  public EksTokenGenerator(String clusterName, String region) {
    this.clusterName = clusterName;
    this.region = region;
  }

  /** A token for {@code credentials}, signed at {@code clock}'s current time. */
  public String token(AwsCredentialsIdentity credentials, Clock clock) {
    SdkHttpRequest request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.GET)
            .uri(URI.create("https://sts." + region + ".amazonaws.com/"))
            .putRawQueryParameter("Action", "GetCallerIdentity")
            .putRawQueryParameter("Version", "2011-06-15")
            .putHeader(CLUSTER_HEADER, clusterName)
            .build();
    SignedRequest signed =
        signer.sign(
            r ->
                r.request(request)
                    .identity(credentials)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "sts")
                    .putProperty(
                        AwsV4FamilyHttpSigner.AUTH_LOCATION,
                        AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                    .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, EXPIRY)
                    .putProperty(HttpSigner.SIGNING_CLOCK, clock));
    String url = signed.request().getUri().toString();
    return TOKEN_PREFIX
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(url.getBytes(StandardCharsets.UTF_8));
  }
}
