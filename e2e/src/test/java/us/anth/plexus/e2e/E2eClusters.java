package us.anth.plexus.e2e;

import us.anth.plexus.devkit.cluster.KubeLocalBinary;

/**
 * Chooses the end-to-end cluster: kind where a Docker engine and the runner image are available,
 * else the local control plane where its binary (or Go to build it) is, else none, with the reason.
 */
final class E2eClusters {
  static final String IMAGE = System.getProperty("plexus.e2e.runnerImage", "plexus-runner:e2e");

  private E2eClusters() {}

  /** Why neither cluster can run here, or null when one can. */
  static String unavailableReason() {
    String kind = KindCluster.unavailableReason(IMAGE);
    if (kind == null) {
      return null;
    }
    KubeLocalBinary local = KubeLocalBinary.find();
    return local.path().isPresent()
        ? null
        : "kind: " + kind + "; local control plane: " + local.reason();
  }

  /** Starts the chosen cluster (call only when {@link #unavailableReason()} is null). */
  static E2eCluster start() throws Exception {
    if (KindCluster.unavailableReason(IMAGE) == null) {
      return KindCluster.start(IMAGE);
    }
    return LocalE2eCluster.start(KubeLocalBinary.find().require());
  }
}
