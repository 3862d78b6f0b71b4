package us.anth.plexus.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Kubernetes half of the dev stack: an API server and what runs the Jobs' pods (the in-process
 * API with the local job executor, or the real local control plane with its node agent).
 */
interface DevKube extends AutoCloseable {
  /** A client with full rights. */
  KubernetesClient client();

  /** The API server's URL. */
  String url();

  /** Writes a kubeconfig for {@code client()}'s identity with default namespace {@code ns}. */
  void writeKubeconfig(Path file, String ns);

  /** Pods (or Jobs) running as local processes now, by namespace/name, with their pids. */
  Map<String, Long> runningPids();

  @Override
  void close();
}
