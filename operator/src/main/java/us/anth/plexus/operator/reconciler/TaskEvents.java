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
 * Builds and writes Kubernetes Events on tasks and pools. One Event per (object, reason): a repeat
 * updates its message and lastTimestamp. Failing to write an Event is logged, never fatal. Called
 * from {@link EventRecorder}'s thread, never from a reconcile.
 */
final class TaskEvents {
  private static final Logger LOG = LoggerFactory.getLogger(TaskEvents.class);
  private static final String COMPONENT = "plexus-operator";

  private final KubernetesClient client;

  TaskEvents(KubernetesClient client) {
    this.client = client;
  }

  /** An Event of type Normal or Warning about {@code about}, stamped {@code now}. */
  static Event build(HasMetadata about, String type, String reason, String message, Instant now) {
    // Events about cluster-scoped objects (pools) live in "default", as kubectl describe expects.
    String namespace =
        about.getMetadata().getNamespace() == null ? "default" : about.getMetadata().getNamespace();
    String time = now.toString();
    String name =
        LabelValues.dnsLabel(about.getMetadata().getName(), 200)
            + "."
            + reason.toLowerCase(Locale.ROOT);
    return new EventBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .endMetadata()
        .withType(type)
        .withReason(reason)
        .withMessage(message)
        .withCount(1)
        .withFirstTimestamp(time)
        .withLastTimestamp(time)
        .withNewSource()
        .withComponent(COMPONENT)
        .endSource()
        .withReportingComponent(COMPONENT)
        .withNewInvolvedObject()
        .withApiVersion(about.getApiVersion())
        .withKind(about.getKind())
        .withName(about.getMetadata().getName())
        .withNamespace(about.getMetadata().getNamespace())
        .withUid(about.getMetadata().getUid())
        .endInvolvedObject()
        .build();
  }

  /** Creates {@code event}, or updates the one already recorded for its object and reason. */
  void write(Event event) {
    String namespace = event.getMetadata().getNamespace();
    try {
      client.v1().events().inNamespace(namespace).resource(event).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        repeat(
            namespace, event.getMetadata().getName(), event.getMessage(), event.getLastTimestamp());
      } else {
        LOG.warn(
            "Could not record event {} on {}/{}: {}",
            event.getReason(),
            namespace,
            event.getInvolvedObject().getName(),
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
