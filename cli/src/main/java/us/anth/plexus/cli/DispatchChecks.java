package us.anth.plexus.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.target.InvalidTargetException;
import us.anth.plexus.api.target.Target;

/**
 * What dispatch checks before it creates anything: the target's syntax (the API module's parser,
 * the operator's own) and that a named pool exists. Failures exit 2 with one line.
 */
final class DispatchChecks {
  private DispatchChecks() {}

  static void target(String target) {
    try {
      Target.parse(target);
    } catch (InvalidTargetException e) {
      throw new CliException("invalid --target: " + e.getMessage(), 2);
    }
  }

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
