package us.anth.plexus.operator.reconciler;

import java.util.List;
import us.anth.plexus.api.audit.AuditEntry;
import us.anth.plexus.api.audit.AuditHistory;
import us.anth.plexus.api.audit.AuditKind;

/**
 * The one way a decision about a task is recorded: appended to the bounded {@code status.history}
 * (which the mirror copies into the Task record's {@code metadata.kubernetes.history}) and, when
 * new, a Kubernetes Event with the entry's kind as reason. Recording an entry already in the
 * history does nothing, so steps may record on every reconcile.
 */
final class AuditTrail {
  /** {@code by} of the decisions the operator makes itself. */
  static final String OPERATOR = "plexus-operator";

  private AuditTrail() {}

  /**
   * Records {@code entry} in the run's draft status and queues its Event (Warning for the kinds in
   * {@link AuditKind#WARNINGS}) unless the run already queued one with that reason. Returns whether
   * the entry was new.
   */
  static boolean record(TaskRun run, AuditEntry entry) {
    List<AuditEntry> history = run.draft.getHistory();
    List<AuditEntry> next = AuditHistory.append(history, entry);
    if (next == history) {
      return false;
    }
    run.draft.setHistory(next);
    String reason = entry.getKind();
    if (run.events.stream().noneMatch(e -> e.reason().equals(reason))) {
      String type = AuditKind.WARNINGS.contains(reason) ? "Warning" : "Normal";
      run.events.add(new TaskRun.PendingEvent(type, reason, describe(entry)));
    }
    return true;
  }

  /** Records an entry the operator made now. */
  static boolean operator(TaskRun run, String kind, String message) {
    return record(run, AuditEntry.of(kind, OPERATOR, message, run.now));
  }

  private static String describe(AuditEntry entry) {
    String by = entry.getBy() == null ? "" : " (by " + entry.getBy() + ")";
    return (entry.getMessage() == null ? entry.getKind() : entry.getMessage()) + by;
  }
}
