package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.operator.mirror.TaskRecordMirror;
import us.anth.plexus.operator.mirror.TaskRecordMirror.MirrorResult;
import us.anth.plexus.operator.model.Conditions;
import us.anth.plexus.operator.model.StageEnding;

/**
 * Ends a reconcile: mirrors the task (condition Synced), writes the changed operator-owned status
 * fields (one JSON Patch {@code add} per field, {@link StatusPatcher}), then records the queued
 * Events.
 */
final class TaskPublisher {
  /** How soon a failed mirror write is tried again. */
  static final Duration MIRROR_RETRY = Duration.ofSeconds(5);

  private final StatusPatcher patcher;
  private final EventRecorder events;
  private final TaskRecordMirror mirror;
  private final WrittenStatuses written = new WrittenStatuses();
  private final MirroredDetails details = new MirroredDetails();

  TaskPublisher(KubernetesClient client, TaskRecordMirror mirror, EventRecorder events) {
    this.patcher = new StatusPatcher(client);
    this.events = events;
    this.mirror = mirror;
  }

  void publish(TaskRun run) {
    boolean changed = !OperatorStatus.same(run.before, run.draft);
    boolean syncedOk =
        Conditions.find(run.draft.getConditions(), Conditions.SYNCED)
            .map(c -> "True".equals(c.getStatus()))
            .orElse(false);
    if (changed || !syncedOk || details.stale(run.task, run.draft)) {
      mirror(run);
    }
    if (!OperatorStatus.same(run.before, run.draft) || run.declaredStages != null) {
      boolean hasStatus = run.task.getStatus() != null || written.pending(run.task);
      PlexusTaskStatus fields = withoutUnchangedErrorMessage(run);
      fields.setStages(run.declaredStages); // before the Job exists: no runner writes them yet
      written.remember(patcher.patch(run.task, hasStatus, fields));
    }
    if (run.runnerFill != null) {
      fillForRunner(run);
    }
    recordEvents(run);
  }

  /** A new run for the task, based on the newest status known (cache or own last write). */
  TaskRun startRun(PlexusTask task, Instant now) {
    return new TaskRun(task, written.latest(task), now);
  }

  /** Forgets a deleted task. */
  void forget(PlexusTask task) {
    written.forget(task);
    details.forget(task);
  }

  /** Writes the run's draft to the task record only (no status write, no Events). */
  MirrorResult mirrorRecord(TaskRun run) {
    try {
      return mirror.mirror(run.task, run.draft);
    } catch (RuntimeException e) {
      return MirrorResult.failed(PlexusTaskReconciler.oneLine(e));
    }
  }

  /** Hands the run's Events to the recorder (written off this thread). */
  void recordEvents(TaskRun run) {
    run.events.forEach(e -> events.record(run.task, e.type(), e.reason(), e.message()));
  }

  private void mirror(TaskRun run) {
    MirrorResult result = mirrorRecord(run);
    if (!result.enabled()) {
      return;
    }
    if (result.succeeded()) {
      details.remember(run.task, run.draft);
      run.condition(Conditions.SYNCED, true, "Mirrored", "task record is up to date");
    } else {
      run.warnIf(
          run.condition(Conditions.SYNCED, false, "MirrorFailed", result.error()),
          "MirrorFailed",
          result.error());
      run.recheckAfter(MIRROR_RETRY);
    }
  }

  /**
   * Writes what the runner could not (ended stages, the pod's exit code) to the status and the
   * stage records; a failed record write is retried by the next reconcile (stages still open).
   */
  private void fillForRunner(TaskRun run) {
    StageEnding.Fill fill = run.runnerFill;
    MirrorResult records = endStageRecords(run.task, fill);
    if (records.enabled() && !records.succeeded()) {
      run.recheckAfter(MIRROR_RETRY);
      return;
    }
    PlexusTaskStatus fields = new PlexusTaskStatus();
    fields.setStages(fill.stages());
    fields.setExitCode(fill.exitCode());
    fields.setErrorMessage(fill.errorMessage());
    fields.setOutput(fill.output());
    patcher.patch(run.task, true, fields); // a final task has a status
    String message =
        (fill.ended().isEmpty()
                ? ""
                : "ended " + fill.ended().size() + " stage(s) the runner left open; ")
            + (fill.exitCode() == null
                ? ""
                : "runner exit code " + fill.exitCode() + " from the pod; ")
            + (fill.errorMessage() == null && fill.output() == null
                ? ""
                : "error message/output from the runner's termination message");
    run.noteIf(true, "RunnerStateFilled", message.replaceAll("; $", ""));
  }

  /** Ends the stage records of {@code fill} (deleted tasks too); never throws. */
  MirrorResult endStageRecords(PlexusTask task, StageEnding.Fill fill) {
    if (fill.ended().isEmpty()) {
      return MirrorResult.disabled();
    }
    try {
      return mirror.endStages(task, fill.ended());
    } catch (RuntimeException e) {
      return MirrorResult.failed(PlexusTaskReconciler.oneLine(e));
    }
  }

  /** errorMessage is shared with the runner: send it only when the operator changed it. */
  private static PlexusTaskStatus withoutUnchangedErrorMessage(TaskRun run) {
    PlexusTaskStatus patch = OperatorStatus.copyOf(run.draft);
    if (Objects.equals(patch.getErrorMessage(), run.before.getErrorMessage())) {
      patch.setErrorMessage(null);
    }
    return patch;
  }
}
