package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import us.anth.plexus.api.LabelValues;

/**
 * Records Kubernetes Events on tasks and pools. One Event per (object, reason): a repeat updates
 * its message and lastTimestamp. Failing to record an Event is logged, never fatal.
 */
final class TaskEvents {
  private static final Logger LOG = LoggerFactory.getLogger(TaskEvents.class);
  private static final String COMPONENT = "plexus-operator";

  private final KubernetesClient client;

  TaskEvents(KubernetesClient client) {
    this.client = client;
  }

  /** Records an Event of type Normal or Warning. */
  void record(HasMetadata task, String type, String reason, String message) {
    // Events about cluster-scoped objects (pools) live in "default", as kubectl describe expects.
    String namespace =
        task.getMetadata().getNamespace() == null ? "default" : task.getMetadata().getNamespace();
    String now = Instant.now().toString();
    String name =
        LabelValues.dnsLabel(task.getMetadata().getName(), 200)
            + "."
            + reason.toLowerCase(Locale.ROOT);
    Event event =
        new EventBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .endMetadata()
            .withType(type)
            .withReason(reason)
            .withMessage(message)
            .withCount(1)
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withNewSource()
            .withComponent(COMPONENT)
            .endSource()
            .withReportingComponent(COMPONENT)
            .withNewInvolvedObject()
            .withApiVersion(task.getApiVersion())
            .withKind(task.getKind())
            .withName(task.getMetadata().getName())
            .withNamespace(task.getMetadata().getNamespace())
            .withUid(task.getMetadata().getUid())
            .endInvolvedObject()
            .build();
    try {
      client.v1().events().inNamespace(namespace).resource(event).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        repeat(namespace, name, message, now);
      } else {
        LOG.warn(
            "Could not record event {} on {}/{}: {}",
            reason,
            namespace,
            task.getMetadata().getName(),
            e.getMessage());
      }
    }
  }

  /**
   * A repeat of a recorded Event: patch its message and time (no read, so create/patch RBAC do).
   */
  private void repeat(String namespace, String name, String message, String now) {
    try {
      String body = Serialization.asJson(Map.of("lastTimestamp", now, "message", message));
      // The Event as the item of the operation: patching by name alone sends a GET first, which
      // the operator's Role does not grant (seen on the real control plane, RollbackOnClusterIT).
      Event item =
          new EventBuilder()
              .withNewMetadata()
              .withName(name)
              .withNamespace(namespace)
              .endMetadata()
              .build();
      client
          .v1()
          .events()
          .inNamespace(namespace)
          .resource(item)
          .patch(PatchContext.of(PatchType.JSON_MERGE), body);
    } catch (KubernetesClientException e) {
      LOG.warn("Could not update event {}/{}: {}", namespace, name, e.getMessage());
    }
  }
}
