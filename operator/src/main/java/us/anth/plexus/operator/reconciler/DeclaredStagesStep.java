package us.anth.plexus.operator.reconciler;

import java.time.Duration;
import java.util.List;
import us.anth.plexus.api.StageDeclaration;
import us.anth.plexus.operator.mirror.TaskRecordMirror;
import us.anth.plexus.operator.mirror.TaskRecordMirror.MirrorResult;
import us.anth.plexus.operator.model.DeclaredStages;

/**
 * Stages declared in {@code spec.stages} exist as PENDING from dispatch, before any runner starts:
 * their TaskStage records are created (never overwritten) and the status shows them. The chain
 * stops so that the status write lands before the Job is created; the next reconcile follows at
 * once.
 */
final class DeclaredStagesStep {
  /** How soon the reconcile that creates the Job follows. */
  static final Duration NEXT = Duration.ofMillis(10);

  private final TaskRecordMirror mirror;

  DeclaredStagesStep(TaskRecordMirror mirror) {
    this.mirror = mirror;
  }

  boolean declare(TaskRun run) {
    List<StageDeclaration> declared = DeclaredStages.toDeclare(run.task, run.draft.getJobName());
    if (declared.isEmpty()) {
      return true;
    }
    MirrorResult records;
    try {
      records = mirror.declareStages(run.task, declared);
    } catch (RuntimeException e) {
      records = MirrorResult.failed(PlexusTaskReconciler.oneLine(e));
    }
    if (records.enabled() && !records.succeeded()) {
      // Not fatal: the runner creates the same stage records on its first write.
      run.warnIf(true, "MirrorFailed", "cannot create declared stage records: " + records.error());
    }
    run.declaredStages = DeclaredStages.pending(declared);
    run.recheckAfter(NEXT);
    return false;
  }
}
