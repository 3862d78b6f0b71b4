package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import us.anth.plexus.api.DispatchStatus;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.StageStatus;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.api.Timestamps;
import us.anth.plexus.api.target.Target;
import us.anth.plexus.operator.model.Conditions;
import us.anth.plexus.operator.model.StageEnding;

/**
 * One reconcile of one task: the task as read, the operator-owned status being drafted, what the
 * steps found (target, pool, Job), the Events to record and when to look again.
 */
final class TaskRun {
  /** An Event to record after the status is written. */
  record PendingEvent(String type, String reason, String message) {}

  final PlexusTask task;
  final PlexusTaskStatus before;
  final PlexusTaskStatus draft;
  final Instant now;
  final List<PendingEvent> events = new ArrayList<>();
  Target target;
  PlexusWorkerPool pool;
  Job job;
  Duration reschedule;

  /** The declared stages, PENDING, to show before the Job exists (see DeclaredStagesStep). */
  List<StageStatus> declaredStages;

  /** Runner-owned fields the operator writes because the runner can no longer (see StageEnding). */
  StageEnding.Fill runnerFill;

  TaskRun(PlexusTask task, PlexusTaskStatus latest, Instant now) {
    this.task = task;
    this.now = now;
    this.before = OperatorStatus.copyOf(latest);
    this.draft = OperatorStatus.copyOf(latest);
    this.draft.setObservedGeneration(task.getMetadata().getGeneration());
    if (draft.getPhase() == null) {
      draft.setPhase(TaskPhase.Pending);
    }
    if (draft.getDispatchStatus() == null) {
      draft.setDispatchStatus(DispatchStatus.PENDING);
    }
  }

  String namespace() {
    return task.getMetadata().getNamespace();
  }

  String name() {
    return task.getMetadata().getName();
  }

  String nowText() {
    return Timestamps.format(now);
  }

  /** Sets a condition; returns whether its status or reason changed (an Event-worthy change). */
  boolean condition(String type, boolean status, String reason, String message) {
    var previous = Conditions.find(draft.getConditions(), type);
    boolean changed =
        previous.isEmpty()
            || !(status ? "True" : "False").equals(previous.get().getStatus())
            || !reason.equals(previous.get().getReason());
    draft.setConditions(
        Conditions.set(
            draft.getConditions(),
            type,
            status,
            reason,
            message,
            task.getMetadata().getGeneration(),
            nowText()));
    return changed;
  }

  /** Sets Ready: True only for a successful end. */
  boolean ready(boolean status, String reason, String message) {
    return condition(Conditions.READY, status, reason, message);
  }

  /** Queues a Warning Event when {@code changed}. */
  void warnIf(boolean changed, String reason, String message) {
    if (changed) {
      events.add(new PendingEvent("Warning", reason, message));
    }
  }

  /** Queues a Normal Event when {@code changed}. */
  void noteIf(boolean changed, String reason, String message) {
    if (changed) {
      events.add(new PendingEvent("Normal", reason, message));
    }
  }

  /** Looks again after {@code delay} (the shortest of the requested delays wins). */
  void recheckAfter(Duration delay) {
    if (reschedule == null || delay.compareTo(reschedule) < 0) {
      reschedule = delay;
    }
  }

  /**
   * Holds the task in {@code phase}: Ready and condition {@code type} False with {@code reason}; an
   * Event of {@code eventType} when condition {@code type} changes.
   */
  void hold(TaskPhase phase, String type, String reason, String message, String eventType) {
    draft.setPhase(phase);
    ready(false, reason, message);
    if (condition(type, false, reason, message)) {
      events.add(new PendingEvent(eventType, reason, message));
    }
  }

  /** Ends the task Failed for a reason the operator found itself. */
  void fail(String reason, String message) {
    draft.setPhase(TaskPhase.Failed);
    draft.setErrorMessage(message);
    if (draft.getCompletedAt() == null) {
      draft.setCompletedAt(nowText());
    }
    ready(false, reason, message);
    warnIf(condition(Conditions.FAILED, true, reason, message), reason, message);
  }
}
