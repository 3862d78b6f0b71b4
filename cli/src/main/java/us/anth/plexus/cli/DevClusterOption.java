package us.anth.plexus.cli;

import picocli.CommandLine.Option;

/** {@code plexusctl dev --cluster api|local}. */
final class DevClusterOption {
  @Option(
      names = "--cluster",
      description =
          "Kubernetes to run on: api (in-process API, default) or local (real etcd, kube-apiserver,"
              + " controller manager and scheduler from kube-local/; needs its binary or Go).",
      defaultValue = "api")
  DevCluster cluster;
}
