package us.anth.plexus.operator.reconciler;

import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import us.anth.plexus.api.PlexusLabels;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.api.audit.AuditEntry;
import us.anth.plexus.api.audit.AuditKind;
import us.anth.plexus.operator.mirror.TaskRecordMirror.MirrorResult;
import us.anth.plexus.operator.model.Conditions;
import us.anth.plexus.operator.model.StageEnding;

/**
 * Cleanup of a deleted task: stops its Job; for a task that had not finished, ends its task record
 * FAILED ("Cancelled: PlexusTask deleted") through the mirror and records an Event. While the
 * record cannot be written the finalizer stays and cleanup is retried with backoff, until the
 * deletion is the configured timeout old; then the delete proceeds and the loss is logged.
 */
final class TaskDeletion {
  /** Annotation naming who deleted the task; put in the record's errorMessage when set. */
  static final String DELETED_BY = PlexusLabels.PREFIX + "deleted-by";

  static final String REASON = "Deleted";
  private static final Logger LOG = LoggerFactory.getLogger(TaskDeletion.class);
  private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
  private static final Duration LONGEST_RETRY = Duration.ofSeconds(60);

  private final JobSteps jobSteps;
  private final TaskPublisher publisher;
  private final Duration mirrorTimeout;

  TaskDeletion(JobSteps jobSteps, TaskPublisher publisher, Duration mirrorTimeout) {
    this.jobSteps = jobSteps;
    this.publisher = publisher;
    this.mirrorTimeout = mirrorTimeout;
  }

  DeleteControl cleanup(PlexusTask task, Instant now) {
    jobSteps.stopJob(task);
    Instant deletedAt = deletedAt(task, now);
    TaskRun run =
        publisher.startRun(task, deletedAt); // times = the deletion: retries write the same
    TaskPhase was = run.draft.getPhase();
    boolean unfinished = !was.isFinal();
    if (unfinished) {
      markCancelled(run);
    } else if (!unsynced(run)) {
      return done(task);
    }
    MirrorResult result = publisher.mirrorRecord(run);
    if (unfinished && (!result.enabled() || result.succeeded())) {
      // The runner is being killed with its pod: end the stage records it may leave open.
      StageEnding.of(task.getStatus(), run.draft.getPhase(), null, run.nowText())
          .map(fill -> publisher.endStageRecords(task, fill))
          .filter(r -> r.enabled() && !r.succeeded())
          .ifPresent(r -> LOG.warn("Task {}/{}: {}", run.namespace(), run.name(), r.error()));
    }
    if (!result.enabled() || result.succeeded()) {
      String record = result.enabled() ? "; task record marked FAILED" : "";
      run.noteIf(unfinished, REASON, run.draft.getErrorMessage() + " while " + was + record);
      publisher.recordEvents(run);
      return done(task);
    }
    Duration waited = Duration.between(deletedAt, now);
    if (waited.compareTo(mirrorTimeout) < 0) {
      String message = "deleted task's record not written (retrying): " + result.error();
      run.warnIf(true, "MirrorFailed", message);
      publisher.recordEvents(run);
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(retryAfter(waited).toMillis());
    }
    String message =
        "gave up writing the deleted task's record after "
            + waited.toSeconds()
            + "s: "
            + result.error();
    LOG.error("Task {}/{}: {}", run.namespace(), run.name(), message);
    run.warnIf(true, "MirrorFailed", message);
    publisher.recordEvents(run);
    return done(task);
  }

  /** Ends the draft Cancelled: by spec.cancel when it was requested, else by the deletion. */
  private void markCancelled(TaskRun run) {
    if (run.task.getSpec() != null && run.task.getSpec().cancelRequested()) {
      jobSteps.cancel(run);
      return;
    }
    var annotations = run.task.getMetadata().getAnnotations();
    String by = annotations == null ? null : annotations.get(DELETED_BY);
    String message =
        "Cancelled: PlexusTask deleted" + (by == null || by.isBlank() ? "" : " by " + by.strip());
    run.draft.setPhase(TaskPhase.Cancelled);
    run.draft.setErrorMessage(message);
    if (run.draft.getCancelledAt() == null) {
      run.draft.setCancelledAt(run.nowText());
    }
    if (run.draft.getCompletedAt() == null) {
      run.draft.setCompletedAt(run.nowText());
    }
    String who = by == null || by.isBlank() ? "unknown" : by.strip();
    AuditTrail.record(run, AuditEntry.of(AuditKind.CANCELLED, who, message, run.now));
  }

  /** A finished task whose last mirror write failed (its record may still say RUNNING). */
  private static boolean unsynced(TaskRun run) {
    return Conditions.find(run.draft.getConditions(), Conditions.SYNCED)
        .filter(c -> !"True".equals(c.getStatus()))
        .isPresent();
  }

  /** Roughly doubling: 5 s, 5 s, 10 s, 20 s, 40 s, then every 60 s. */
  static Duration retryAfter(Duration waited) {
    if (waited.compareTo(FIRST_RETRY) < 0) {
      return FIRST_RETRY;
    }
    return waited.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : waited;
  }

  private DeleteControl done(PlexusTask task) {
    publisher.forget(task);
    return DeleteControl.defaultDelete();
  }

  private static Instant deletedAt(PlexusTask task, Instant fallback) {
    String text = task.getMetadata().getDeletionTimestamp();
    try {
      return text == null ? fallback : Instant.parse(text);
    } catch (DateTimeParseException e) {
      return fallback;
    }
  }
}
