package us.anth.plexus.api.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The bounded audit history of a task (pure). At most {@link #MAX_ENTRIES} entries: on overflow the
 * first {@link #KEEP_FIRST} stay, then one {@code Truncated} entry counting what was dropped, then
 * the newest. An entry already recorded is not added again (same kind, and for per-attempt kinds an
 * attempt at or below one recorded), so a repeated reconcile, or one after an operator restart,
 * adds nothing.
 */
public final class AuditHistory {
  /** Entries kept in the status and the Task record. */
  public static final int MAX_ENTRIES = 50;

  /** Oldest entries always kept (how the task came to be). */
  public static final int KEEP_FIRST = 10;

  private AuditHistory() {}

  /** Whether {@code history} already holds {@code entry} (see the class comment). */
  public static boolean recorded(List<AuditEntry> history, AuditEntry entry) {
    if (history == null) {
      return false;
    }
    return history.stream()
        .anyMatch(
            e ->
                Objects.equals(e.getKind(), entry.getKind())
                    && (entry.getAttempt() == null
                        || (e.getAttempt() != null && e.getAttempt() >= entry.getAttempt())));
  }

  /** {@code history} plus {@code entry} (a new list), or {@code history} when already recorded. */
  public static List<AuditEntry> append(List<AuditEntry> history, AuditEntry entry) {
    if (recorded(history, entry)) {
      return history;
    }
    List<AuditEntry> result = new ArrayList<>(history == null ? List.of() : history);
    result.add(entry);
    if (result.size() <= MAX_ENTRIES) {
      return result;
    }
    AuditEntry marker = result.get(KEEP_FIRST);
    boolean marked = AuditKind.TRUNCATED.equals(marker.getKind());
    int omitted = marked ? marker.getOmitted() + 1 : 2;
    // Drop the oldest entry after the kept ones (and make room for the marker the first time).
    result.subList(KEEP_FIRST, KEEP_FIRST + 2).clear();
    result.add(KEEP_FIRST, truncated(omitted, entry));
    return result;
  }

  private static AuditEntry truncated(int omitted, AuditEntry newest) {
    AuditEntry marker = new AuditEntry();
    marker.setKind(AuditKind.TRUNCATED);
    marker.setBy(newest.getBy());
    marker.setAt(newest.getAt());
    marker.setOmitted(omitted);
    marker.setMessage(omitted + " entries dropped here (the history keeps " + MAX_ENTRIES + ")");
    return marker;
  }
}
