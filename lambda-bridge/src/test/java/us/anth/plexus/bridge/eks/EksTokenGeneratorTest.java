package us.anth.plexus.bridge.eks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

class EksTokenGeneratorTest {
  private static final AwsCredentialsIdentity CREDENTIALS =
      AwsCredentialsIdentity.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

  private final EksTokenGenerator generator = new EksTokenGenerator("plexus-prod", "us-west-2");

  @Test
  void tokenIsPrefixedUnpaddedBase64UrlOfAPresignedGetCallerIdentityUrl() {
    String token = generator.token(CREDENTIALS, CLOCK);

    assertThat(token).startsWith("k8s-aws-v1.");
    String encoded = token.substring("k8s-aws-v1.".length());
    assertThat(encoded).doesNotContain("=", "+", "/");
    URI url =
        URI.create(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8));
    assertThat(url.getScheme()).isEqualTo("https");
    assertThat(url.getHost()).isEqualTo("sts.us-west-2.amazonaws.com");

    Map<String, String> query = query(url);
    assertThat(query)
        .containsEntry("Action", "GetCallerIdentity")
        .containsEntry("Version", "2011-06-15")
        .containsEntry("X-Amz-Algorithm", "AWS4-HMAC-SHA256")
        .containsEntry("X-Amz-Credential", "AKIDEXAMPLE/20260102/us-west-2/sts/aws4_request")
        .containsEntry("X-Amz-Date", "20260102T030405Z")
        .containsEntry("X-Amz-Expires", "60");
    assertThat(query.get("X-Amz-SignedHeaders").split(";")).contains("host", "x-k8s-aws-id");
    assertThat(query.get("X-Amz-Signature")).matches("[0-9a-f]{64}");
  }

  @Test
  void sameInputsGiveTheSameTokenAndTheClusterNameIsSigned() {
    String token = generator.token(CREDENTIALS, CLOCK);

    assertThat(generator.token(CREDENTIALS, CLOCK)).isEqualTo(token);
    String otherCluster =
        new EksTokenGenerator("plexus-dev", "us-west-2").token(CREDENTIALS, CLOCK);
    assertThat(signature(otherCluster)).isNotEqualTo(signature(token));
    Clock later = Clock.offset(CLOCK, java.time.Duration.ofSeconds(1));
    assertThat(signature(generator.token(CREDENTIALS, later))).isNotEqualTo(signature(token));
  }

  @Test
  void providerReusesATokenForTenMinutesThenSignsANewOne() {
    MutableClock clock = new MutableClock(CLOCK.instant());
    EksTokenProvider provider =
        new EksTokenProvider(
            generator,
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    CREDENTIALS.accessKeyId(), CREDENTIALS.secretAccessKey())),
            clock);

    String first = provider.getToken();
    clock.now = clock.now.plusSeconds(599);
    assertThat(provider.getToken()).isEqualTo(first);
    clock.now = clock.now.plusSeconds(1);
    assertThat(provider.getToken()).isNotEqualTo(first);
  }

  private static String signature(String token) {
    byte[] url = Base64.getUrlDecoder().decode(token.substring("k8s-aws-v1.".length()));
    return query(URI.create(new String(url, StandardCharsets.UTF_8))).get("X-Amz-Signature");
  }

  private static Map<String, String> query(URI url) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : url.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      params.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return params;
  }

  private static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
