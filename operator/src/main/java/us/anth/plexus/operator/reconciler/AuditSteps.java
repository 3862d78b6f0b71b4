package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import us.anth.plexus.api.PlexusLabels;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.api.audit.AuditEntry;
import us.anth.plexus.api.audit.AuditKind;
import us.anth.plexus.operator.model.Conditions;

/** The audit entries that follow from a task's metadata and phase changes (see AuditTrail). */
final class AuditSteps {
  /** Annotation naming who created the task (the bridge sets it; admission may too). */
  static final String CREATED_BY = PlexusLabels.PREFIX + "created-by";

  private AuditSteps() {}

  /** Step: Created, by whom, at the task's creation time. Always proceeds. */
  static boolean created(TaskRun run) {
    Instant time = parseOr(run.task.getMetadata().getCreationTimestamp(), run.now);
    AuditTrail.record(
        run, AuditEntry.of(AuditKind.CREATED, creator(run.task), "task created", time));
    return true;
  }

  /** After the chain: Queued, and Finished when the phase became final in this reconcile. */
  static void phaseChanges(TaskRun run) {
    TaskPhase phase = run.draft.getPhase();
    if (phase == TaskPhase.Queued) {
      AuditTrail.operator(
          run, AuditKind.QUEUED, "waiting for a free slot on pool " + run.draft.getPool());
    }
    if (phase != null && phase.isFinal() && phase != TaskPhase.Cancelled) {
      AuditTrail.operator(run, AuditKind.FINISHED, phase + ": " + readyMessage(run));
    }
  }

  /**
   * Who created the task: the {@value #CREATED_BY} annotation, else the field manager of the create
   * (managedFields), else "unknown".
   */
  static String creator(PlexusTask task) {
    Map<String, String> annotations = task.getMetadata().getAnnotations();
    String annotated = annotations == null ? null : annotations.get(CREATED_BY);
    if (annotated != null && !annotated.isBlank()) {
      return annotated;
    }
    List<ManagedFieldsEntry> managed = task.getMetadata().getManagedFields();
    return (managed == null ? List.<ManagedFieldsEntry>of() : managed)
        .stream()
            .filter(e -> e.getManager() != null && e.getSubresource() == null)
            .min(Comparator.comparing(e -> e.getTime() == null ? "~" : e.getTime()))
            .map(ManagedFieldsEntry::getManager)
            .orElse("unknown");
  }

  private static Instant parseOr(String text, Instant fallback) {
    try {
      return text == null ? fallback : Instant.parse(text);
    } catch (DateTimeParseException e) {
      return fallback;
    }
  }

  private static String readyMessage(TaskRun run) {
    return Conditions.find(run.draft.getConditions(), Conditions.READY)
        .map(c -> c.getReason() + (c.getMessage() == null ? "" : " (" + c.getMessage() + ")"))
        .orElse("");
  }
}
