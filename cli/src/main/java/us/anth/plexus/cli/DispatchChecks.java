package us.anth.plexus.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import us.anth.plexus.api.PlexusWorkerPool;

/**
 * What dispatch checks against the cluster before it creates anything: that a named pool exists
 * (the target's syntax is checked by the API module's parser in {@link DispatchCommand}). Exit 2.
 */
final class DispatchChecks {
  private DispatchChecks() {}

  /** A named pool must exist; a client not allowed to read pools skips the check. */
  static void pool(KubernetesClient client, String pool) {
    if (pool == null) {
      return;
    }
    try {
      if (client.resources(PlexusWorkerPool.class).withName(pool).get() != null) {
        return;
      }
      List<String> known =
          client.resources(PlexusWorkerPool.class).list().getItems().stream()
              .map(p -> p.getMetadata().getName())
              .sorted()
              .toList();
      throw new CliException(
          "PlexusWorkerPool '"
              + pool
              + "' does not exist; pools: "
              + (known.isEmpty() ? "(none)" : String.join(", ", known)),
          2);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 403) {
        throw e;
      }
    }
  }
}
