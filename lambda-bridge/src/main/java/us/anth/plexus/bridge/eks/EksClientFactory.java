package us.anth.plexus.bridge.eks;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import java.time.Clock;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/** Builds the Kubernetes client configuration for an EKS cluster authenticated with IAM. */
public final class EksClientFactory {
  private EksClientFactory() {}

  /** A configuration for the cluster, signing tokens with {@code credentials}. */
  public static Config config(
      EksClusterSettings cluster,
      IdentityProvider<? extends AwsCredentialsIdentity> credentials,
      Clock clock) {
    EksTokenProvider tokens =
        new EksTokenProvider(
            new EksTokenGenerator(cluster.clusterName(), cluster.region()), credentials, clock);
    ConfigBuilder config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(cluster.endpoint())
            .withOauthTokenProvider(tokens);
    if (!cluster.caData().isBlank()) {
      config.withCaCertData(cluster.caData());
    }
    return config.build();
  }
}
