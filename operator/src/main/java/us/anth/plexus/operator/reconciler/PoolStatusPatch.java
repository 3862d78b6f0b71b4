package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;
import us.anth.plexus.api.PlexusWorkerPool;

/**
 * Merge-patches a pool's status without reading the pool first. Patched by name alone, fabric8 GETs
 * the pool before the patch, which the chart's least-privilege role (list/watch pools, patch
 * pools/status) forbids on a real API server; patched through an item naming it, it does not.
 */
final class PoolStatusPatch {
  private PoolStatusPatch() {}

  /** Sends {@code {"status": status}} as a JSON merge patch to the pool's status subresource. */
  static void merge(KubernetesClient client, String poolName, Object status) {
    PlexusWorkerPool target = new PlexusWorkerPool();
    target.getMetadata().setName(poolName);
    client
        .resources(PlexusWorkerPool.class)
        .resource(target)
        .subresource("status")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(Map.of("status", status)));
  }
}
