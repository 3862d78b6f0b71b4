package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.operator.model.Conditions;
import us.anth.plexus.operator.model.PoolProblems;

/**
 * Keeps each pool's Ready condition: False with reason InvalidSpec (and a Warning Event) while its
 * spec cannot be read or a target pattern does not parse; such a pool receives no tasks.
 */
public final class PoolReconciler implements Reconciler<PlexusWorkerPool> {
  private static final Logger LOG = LoggerFactory.getLogger(PoolReconciler.class);

  private final KubernetesClient client;
  private final EventRecorder events;
  private final UnknownFields unknownFields = new UnknownFields();

  public PoolReconciler(KubernetesClient client, EventRecorder events) {
    this.client = client;
    this.events = events;
  }

  @Override
  public UpdateControl<PlexusWorkerPool> reconcile(
      PlexusWorkerPool pool, Context<PlexusWorkerPool> context) {
    if (pool.getSpec() != null) {
      unknownFields.logOnce(pool, pool.getSpec().readProblems(), "spec");
    }
    List<String> problems = PoolProblems.of(pool);
    boolean ready = problems.isEmpty();
    String reason = ready ? "Valid" : "InvalidSpec";
    String message = ready ? "the pool accepts tasks" : String.join("; ", problems);
    List<Condition> current = pool.getStatus() == null ? null : pool.getStatus().getConditions();
    List<Condition> updated =
        Conditions.set(
            current,
            Conditions.READY,
            ready,
            reason,
            message,
            pool.getMetadata().getGeneration(),
            Instant.now().toString());
    if (!updated.equals(current)) {
      writeConditions(pool, updated);
      if (!ready) {
        events.record(pool, "Warning", reason, message);
      }
    }
    return UpdateControl.noUpdate();
  }

  private void writeConditions(PlexusWorkerPool pool, List<Condition> conditions) {
    try {
      PoolStatusPatch.merge(client, pool.getMetadata().getName(), Map.of("conditions", conditions));
    } catch (KubernetesClientException e) {
      LOG.warn(
          "Could not update the conditions of pool {}: {}",
          pool.getMetadata().getName(),
          e.getMessage());
      throw e;
    }
  }
}
