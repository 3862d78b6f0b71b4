package us.anth.plexus.cli;

/** Which Kubernetes {@code plexusctl dev} runs on. */
public enum DevCluster {
  /** fabric8's in-process API and the local job executor: starts in seconds, anywhere. */
  api,
  /** The real local control plane (kube-local) and its node agent: needs the binary or Go. */
  local
}
