package us.anth.plexus.store;

/**
 * The fields of a Task record created outside the dashboard (e.g. a PlexusTask applied with
 * kubectl). {@code metadata} is a JSON object as text, or null.
 */
public record NewTask(
    String accountId,
    String type,
    String target,
    String command,
    String description,
    String metadata,
    String scorecardId,
    String scoreId) {

  /** A task with only the required fields. */
  public static NewTask of(String accountId, String type, String target, String command) {
    return new NewTask(accountId, type, target, command, null, null, null, null);
  }
}
