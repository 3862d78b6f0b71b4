package us.anth.plexus.bridge;

/** What dispatching one stream record did, with a one-line detail for the log. */
public record DispatchOutcome(Kind kind, String taskId, String detail) {

  /** The kinds of outcome. */
  public enum Kind {
    /** The PlexusTask exists (created now or found) and the record is DISPATCHED. */
    DISPATCHED,
    /** The record is not one to dispatch (wrong event, not PENDING, dispatch mode). */
    SKIPPED,
    /** Another delivery already dispatched or failed the record. */
    ALREADY_HANDLED,
    /** The record was marked FAILED / ERROR with a message; no PlexusTask. */
    REJECTED
  }

  static DispatchOutcome of(Kind kind, String taskId, String detail) {
    return new DispatchOutcome(kind, taskId, detail);
  }
}
