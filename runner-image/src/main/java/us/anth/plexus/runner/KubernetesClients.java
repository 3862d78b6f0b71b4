package us.anth.plexus.runner;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/** A client configured from KUBECONFIG or the in-cluster service account, with short timeouts. */
public final class KubernetesClients {
  private KubernetesClients() {}

  /** Short timeouts and few client-side retries: the publisher retries with its own backoff. */
  public static KubernetesClient create() {
    Config config =
        new ConfigBuilder(Config.autoConfigure(null))
            .withConnectionTimeout(5_000)
            .withRequestTimeout(10_000)
            .withRequestRetryBackoffLimit(2)
            .withRequestRetryBackoffInterval(200)
            .build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }
}
