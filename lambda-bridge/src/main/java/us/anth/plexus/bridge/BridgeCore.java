package us.anth.plexus.bridge;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.bridge.DispatchOutcome.Kind;

/**
 * Dispatches one Task stream record: eligibility, claim (PENDING → DISPATCHING with workerNodeId
 * {@value #DISPATCHER_ID}, or resuming a claim of ours that a failed or crashed delivery left; a
 * claim by another dispatcher is left alone), validation, PlexusTask creation (idempotent by name),
 * then DISPATCHED. Every claim counts one dispatch run: a re-dispatch (a MODIFY back to PENDING) of
 * a finished task replaces the previous run's finished PlexusTask and resets the record, so the new
 * run's writes apply; a previous run still active is left running and not started twice.
 */
public final class BridgeCore {
  /** What the bridge writes into workerNodeId when it claims a record. */
  public static final String DISPATCHER_ID = PlexusTaskFactory.BRIDGE;

  private static final Logger LOG = LoggerFactory.getLogger(BridgeCore.class);
  private static final Duration REPLACE_WAIT = Duration.ofSeconds(20);

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
    Optional<DispatchClaim> claim = claim(item.id());
    if (claim.isEmpty()) {
      return DispatchOutcome.of(
          Kind.ALREADY_HANDLED, item.id(), "no longer PENDING and not claimed by this bridge");
    }
    Optional<String> problem = TaskValidation.problem(item);
    if (problem.isPresent()) {
      records.markFailed(item.id(), problem.get());
      return DispatchOutcome.of(Kind.REJECTED, item.id(), problem.get());
    }
    int run = claim.get().run();
    PlexusTask task = PlexusTaskFactory.build(item, namespaces.namespaceFor(item.accountId()), run);
    String where = task.getMetadata().getNamespace() + "/" + task.getMetadata().getName();
    try {
      Optional<PlexusTask> existing =
          writer.find(task.getMetadata().getNamespace(), task.getMetadata().getName());
      if (existing.isPresent() && PlexusTaskFactory.runOf(existing.get()) != run) {
        Optional<DispatchOutcome> held = replacePreviousRun(item.id(), existing.get(), where);
        if (held.isPresent()) {
          return held.get();
        }
        existing = Optional.empty();
      }
      if (existing.isEmpty() && !records.startNewRun(item.id())) {
        return DispatchOutcome.of(Kind.ALREADY_HANDLED, item.id(), "claim lost before creation");
      }
      return created(item.id(), where, existing.orElseGet(() -> writer.createOrFind(task)));
    } catch (KubernetesClientException e) {
      return createFailed(item.id(), where, claim.get().attempt(), e);
    }
  }

  private DispatchOutcome created(String taskId, String where, PlexusTask created) {
    if (created.getSpec() != null && !taskId.equals(created.getSpec().getTaskId())) {
      String message =
          "PlexusTask " + where + " already exists for task " + created.getSpec().getTaskId();
      records.markFailed(taskId, message);
      return DispatchOutcome.of(Kind.REJECTED, taskId, message);
    }
    records.markDispatched(taskId, kubernetesRef(created));
    return DispatchOutcome.of(Kind.DISPATCHED, taskId, "PlexusTask " + where);
  }

  /**
   * A re-dispatch found the previous run's PlexusTask: an active one keeps running (the record goes
   * back to DISPATCHED; a task never runs twice at once); a finished one is deleted so the new run
   * can take its name. Empty once it is gone.
   */
  private Optional<DispatchOutcome> replacePreviousRun(
      String taskId, PlexusTask previous, String where) {
    if (previous.getSpec() != null && !taskId.equals(previous.getSpec().getTaskId())) {
      return Optional.of(created(taskId, where, previous));
    }
    boolean finished =
        previous.getStatus() != null
            && previous.getStatus().getPhase() != null
            && previous.getStatus().getPhase().isFinal();
    if (!finished && previous.getMetadata().getDeletionTimestamp() == null) {
      records.markDispatched(taskId, kubernetesRef(previous));
      return Optional.of(
          DispatchOutcome.of(
              Kind.ALREADY_HANDLED,
              taskId,
              "previous run's PlexusTask " + where + " is still active; not started twice"));
    }
    LOG.info("Task {}: replacing the previous run's finished PlexusTask {}", taskId, where);
    if (!writer.deleteAndWait(previous, REPLACE_WAIT)) {
      throw new RetryableDispatchException(
          "the previous run's PlexusTask " + where + " is still being deleted", null);
    }
    return Optional.empty();
  }

  /**
   * Claims a PENDING record, or resumes a claim of ours an earlier delivery left DISPATCHING; empty
   * when the record is not ours to dispatch.
   */
  private Optional<DispatchClaim> claim(String taskId) {
    if (records.claim(taskId)) {
      return records.firstAttempt(taskId);
    }
    Optional<DispatchClaim> resumed = records.nextAttempt(taskId);
    resumed.ifPresent(
        c ->
            LOG.info(
                "Task {} is DISPATCHING from an earlier delivery; finishing its dispatch"
                    + " (attempt {} of {})",
                taskId,
                c.attempt(),
                maxAttempts));
    return resumed;
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
