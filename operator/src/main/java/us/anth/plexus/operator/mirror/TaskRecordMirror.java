package us.anth.plexus.operator.mirror;

import java.util.List;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.StageDeclaration;
import us.anth.plexus.api.StageStatus;

/**
 * Mirrors the operator's view of a task to an external record (the dashboard's DynamoDB Task).
 * Called at the end of a reconcile with the task and the operator-owned status fields it is about
 * to write; the result becomes the task's {@code Synced} condition. Implementations must be
 * idempotent and must not throw for expected failures (return {@link MirrorResult#failed}).
 */
@FunctionalInterface
public interface TaskRecordMirror {
  /** A mirror that does nothing; tasks get no {@code Synced} condition. */
  TaskRecordMirror DISABLED = (task, status) -> MirrorResult.disabled();

  /**
   * Mirrors the task.
   *
   * @param task the task as last read (spec, metadata, runner-owned status fields)
   * @param operatorStatus the operator-owned status fields after this reconcile
   */
  MirrorResult mirror(PlexusTask task, PlexusTaskStatus operatorStatus);

  /**
   * For a task without {@code spec.taskId}: creates its record (idempotently) and returns the id
   * the operator writes into {@code spec.taskId} before it creates the Job. Null when there is
   * nothing to do (the default: this mirror creates no records). Throws when the record cannot be
   * created; the reconcile then tries again later.
   */
  default String assignTaskId(PlexusTask task) {
    return null;
  }

  /**
   * Writes stages the operator ended for a runner that could not (their TaskStage records); the
   * default mirror has no stage records. Must not throw for expected failures.
   */
  default MirrorResult endStages(PlexusTask task, List<StageStatus> ended) {
    return MirrorResult.disabled();
  }

  /**
   * Creates the TaskStage records of the stages declared in {@code spec.stages} as PENDING, before
   * the runner starts; a stage record that already exists is left alone. The default mirror has no
   * stage records. Must not throw for expected failures.
   */
  default MirrorResult declareStages(PlexusTask task, List<StageDeclaration> declared) {
    return MirrorResult.disabled();
  }

  /**
   * Outcome of a mirror call. (A record for a task made with kubectl is created by {@link
   * #assignTaskId}, never by a mirror call.)
   */
  record MirrorResult(boolean enabled, String error) {
    /** Mirrored. */
    public static MirrorResult ok() {
      return new MirrorResult(true, null);
    }

    /** Not mirrored: one readable line saying why. */
    public static MirrorResult failed(String error) {
      return new MirrorResult(true, error);
    }

    /** Mirroring is turned off. */
    public static MirrorResult disabled() {
      return new MirrorResult(false, null);
    }

    /** Whether the mirror is on and succeeded. */
    public boolean succeeded() {
      return enabled && error == null;
    }
  }
}
