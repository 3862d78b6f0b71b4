package us.anth.plexus.store;

/**
 * What a mirror write did. Never thrown: a newer state already stored is a normal outcome, and an
 * unreachable DynamoDB (after the client's retries) is reported so the caller can re-sync later.
 *
 * @param outcome what happened
 * @param error the last error's message when UNAVAILABLE or REJECTED, else null
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
    UNAVAILABLE,
    /**
     * The API refused the write for a reason retrying does not cure (bad key, validation error);
     * {@code error} holds its own message. Only the AppSync sink answers this.
     */
    REJECTED
  }

  public static final WriteResult APPLIED = new WriteResult(Outcome.APPLIED, null);
  public static final WriteResult SUPERSEDED = new WriteResult(Outcome.SUPERSEDED, null);
  public static final WriteResult NOT_FOUND = new WriteResult(Outcome.NOT_FOUND, null);

  /** The store could not be reached (after retries); {@code error} says why. */
  public static WriteResult unavailable(String error) {
    return new WriteResult(Outcome.UNAVAILABLE, error);
  }

  /** The API refused the write; {@code error} is its own message. */
  public static WriteResult rejected(String error) {
    return new WriteResult(Outcome.REJECTED, error);
  }

  /** True unless DynamoDB was unavailable: the record holds this state or a newer one. */
  public boolean synced() {
    return outcome == Outcome.APPLIED || outcome == Outcome.SUPERSEDED;
  }
}
