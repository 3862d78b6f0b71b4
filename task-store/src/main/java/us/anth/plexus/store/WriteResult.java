package us.anth.plexus.store;

/**
 * What a mirror write did. Never thrown: a newer state already stored is a normal outcome, and an
 * unreachable DynamoDB (after the client's retries) is reported so the caller can re-sync later.
 *
 * @param outcome what happened
 * @param error the last error's message when {@code outcome == UNAVAILABLE}, else null
 */
public record WriteResult(Outcome outcome, String error) {

  /** The possible outcomes of a conditional write. */
  public enum Outcome {
    /** The write was stored. */
    APPLIED,
    /** The record already holds a newer state; nothing was changed. */
    SUPERSEDED,
    /** The record does not exist (updates never create partial records). */
    NOT_FOUND,
    /** DynamoDB could not be reached or rejected the call after all retries. */
    UNAVAILABLE
  }

  static final WriteResult APPLIED = new WriteResult(Outcome.APPLIED, null);
  static final WriteResult SUPERSEDED = new WriteResult(Outcome.SUPERSEDED, null);
  static final WriteResult NOT_FOUND = new WriteResult(Outcome.NOT_FOUND, null);

  static WriteResult unavailable(String error) {
    return new WriteResult(Outcome.UNAVAILABLE, error);
  }

  /** True unless DynamoDB was unavailable: the record holds this state or a newer one. */
  public boolean synced() {
    return outcome == Outcome.APPLIED || outcome == Outcome.SUPERSEDED;
  }
}
