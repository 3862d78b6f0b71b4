package us.anth.plexus.e2e;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A real cluster the end-to-end scenario runs on, with the Plexus CRDs installed and the runner
 * image runnable: kind in Docker, or the local control plane with its node agent.
 */
interface E2eCluster extends AutoCloseable {
  /** A client with full rights. */
  KubernetesClient client();

  /** For the test log: which cluster this is. */
  String describe();

  @Override
  void close();
}
