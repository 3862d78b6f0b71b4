package us.anth.plexus.bridge.eks;

import io.fabric8.kubernetes.client.OAuthTokenProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * Supplies the Kubernetes client with EKS tokens from the current AWS credentials, reusing a token
 * for ten minutes (EKS accepts one for fifteen).
 */
public final class EksTokenProvider implements OAuthTokenProvider {
  static final Duration REUSE = Duration.ofMinutes(10);

  private final EksTokenGenerator generator;
  private final IdentityProvider<? extends AwsCredentialsIdentity> credentials;
  private final Clock clock;
  private String token;
  private Instant madeAt;

  public EksTokenProvider(
      EksTokenGenerator generator,
      IdentityProvider<? extends AwsCredentialsIdentity> credentials,
      Clock clock) {
    this.generator = generator;
    this.credentials = credentials;
    this.clock = clock;
  }

  @Override
  public synchronized String getToken() {
    Instant now = clock.instant();
    if (token == null || !now.isBefore(madeAt.plus(REUSE))) {
      token = generator.token(credentials.resolveIdentity().join(), clock);
      madeAt = now;
    }
    return token;
  }
}
