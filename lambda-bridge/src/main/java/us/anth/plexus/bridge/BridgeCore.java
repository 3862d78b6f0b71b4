package us.anth.plexus.bridge;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.bridge.DispatchOutcome.Kind;

/**
 * Dispatches one Task stream record: eligibility, claim (PENDING → DISPATCHING, or resuming a claim
 * a failed or crashed delivery left), validation, PlexusTask creation (idempotent by name), then
 * DISPATCHED. Every claim or resume counts one attempt on the record, so a delivery that follows
 * crashed ones still knows it is the last. A record ends DISPATCHED, ERROR with a message, or —
 * when a retry can still succeed — DISPATCHING with a {@link RetryableDispatchException} thrown so
 * the record is delivered again.
 */
public final class BridgeCore {
  private static final Logger LOG = LoggerFactory.getLogger(BridgeCore.class);

  private final DispatchRecords records;
  private final PlexusTaskWriter writer;
  private final NamespaceMapping namespaces;
  private final int maxAttempts;

  /**
   * @param maxAttempts deliveries of a record (crashed ones included) after which a failed creation
   *     marks it ERROR (match the event source mapping: 1 + MaximumRetryAttempts)
   */
  public BridgeCore(
      DispatchRecords records,
      PlexusTaskWriter writer,
      NamespaceMapping namespaces,
      int maxAttempts) {
    this.records = records;
    this.writer = writer;
    this.namespaces = namespaces;
    this.maxAttempts = maxAttempts;
  }

  /** Dispatches {@code change}; throws {@link RetryableDispatchException} to ask for redelivery. */
  public DispatchOutcome dispatch(TaskChange change) {
    TaskItem item = change.newItem();
    Optional<String> skip = DispatchEligibility.skipReason(change);
    if (skip.isPresent() || item.id() == null) {
      return DispatchOutcome.of(Kind.SKIPPED, item.id(), skip.orElse("record has no id"));
    }
    int attempt = claim(item.id());
    if (attempt == 0) {
      return DispatchOutcome.of(Kind.ALREADY_HANDLED, item.id(), "no longer PENDING");
    }
    Optional<String> problem = TaskValidation.problem(item);
    if (problem.isPresent()) {
      records.markFailed(item.id(), problem.get());
      return DispatchOutcome.of(Kind.REJECTED, item.id(), problem.get());
    }
    PlexusTask task = PlexusTaskFactory.build(item, namespaces.namespaceFor(item.accountId()));
    String where = task.getMetadata().getNamespace() + "/" + task.getMetadata().getName();
    PlexusTask created;
    try {
      created = writer.createOrFind(task);
    } catch (KubernetesClientException e) {
      return createFailed(item.id(), where, attempt, e);
    }
    if (created.getSpec() != null && !item.id().equals(created.getSpec().getTaskId())) {
      String message =
          "PlexusTask " + where + " already exists for task " + created.getSpec().getTaskId();
      records.markFailed(item.id(), message);
      return DispatchOutcome.of(Kind.REJECTED, item.id(), message);
    }
    records.markDispatched(item.id(), kubernetesRef(created));
    return DispatchOutcome.of(Kind.DISPATCHED, item.id(), "PlexusTask " + where);
  }

  /**
   * Claims a PENDING record, or resumes one an earlier delivery left DISPATCHING; returns this
   * attempt's number, 0 when the record is not ours to dispatch.
   */
  private int claim(String taskId) {
    if (records.claim(taskId)) {
      return records.firstAttempt(taskId);
    }
    Optional<String> now = records.dispatchStatus(taskId);
    if (now.filter("DISPATCHING"::equals).isEmpty()) {
      return 0;
    }
    int attempt = records.nextAttempt(taskId);
    LOG.info(
        "Task {} is DISPATCHING from an earlier delivery; finishing its dispatch (attempt {} of {})",
        taskId,
        attempt,
        maxAttempts);
    return attempt;
  }

  private DispatchOutcome createFailed(
      String taskId, String where, int attempts, KubernetesClientException e) {
    String reason = KubernetesFailures.describe(e);
    if (!KubernetesFailures.isRetryable(e)) {
      String message = "Kubernetes refused PlexusTask " + where + ": " + reason;
      records.markFailed(taskId, message);
      return DispatchOutcome.of(Kind.REJECTED, taskId, message);
    }
    if (attempts >= maxAttempts) {
      String message =
          "Could not create PlexusTask " + where + " after " + attempts + " attempts: " + reason;
      records.markFailed(taskId, message);
      return DispatchOutcome.of(Kind.REJECTED, taskId, message);
    }
    throw new RetryableDispatchException(
        "Creating PlexusTask "
            + where
            + " failed (attempt "
            + attempts
            + " of "
            + maxAttempts
            + "): "
            + reason,
        e);
  }

  private static Map<String, String> kubernetesRef(PlexusTask task) {
    return Map.of(
        "namespace", task.getMetadata().getNamespace(),
        "name", task.getMetadata().getName());
  }
}
