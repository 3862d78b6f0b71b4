package us.anth.plexus.api.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Instant;
import java.util.Objects;
import us.anth.plexus.api.Timestamps;

/** One decision about a task in its audit history: what, who, when, and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AuditEntry {
  /** Longest message kept; longer ones are cut (the history also goes into the Task record). */
  public static final int MAX_MESSAGE = 240;

  @JsonPropertyDescription(
      "What was decided, e.g. Created, Routed, Queued, Started, AttemptEnded, Retried, TimedOut,"
          + " Finished, Cancelled, RollbackStarted, RolledBack, RollbackFailed, DryRun (see"
          + " docs/concepts/audit-and-rollback.md).")
  private String kind;

  @JsonPropertyDescription(
      "Who made or caused the decision: a Kubernetes user, 'plexus-bridge', or 'plexus-operator'.")
  private String by;

  @JsonPropertyDescription("When (ISO-8601 UTC).")
  private String at;

  @JsonPropertyDescription("One line saying what happened.")
  private String message;

  @JsonPropertyDescription(
      "The attempt (1 for the first) the entry is about, when it is about one.")
  private Integer attempt;

  @JsonPropertyDescription("Exit code of the attempt or rollback the entry is about, when known.")
  private Integer exitCode;

  @JsonPropertyDescription("For kind Truncated: how many entries were dropped at this place.")
  private Integer omitted;

  public AuditEntry() {}

  /** An entry of {@code kind} made by {@code who} at {@code time}. */
  public static AuditEntry of(String kind, String who, String message, Instant time) {
    AuditEntry entry = new AuditEntry();
    entry.kind = kind;
    entry.by = who;
    entry.at = Timestamps.format(time);
    entry.message = cut(message);
    return entry;
  }

  /** This entry, about attempt {@code number}. */
  public AuditEntry attempt(int number) {
    this.attempt = number;
    return this;
  }

  /** This entry, with the exit code it reports (null: unknown). */
  public AuditEntry exitCode(Integer code) {
    this.exitCode = code;
    return this;
  }

  private static String cut(String message) {
    if (message == null || message.length() <= MAX_MESSAGE) {
      return message;
    }
    return message.substring(0, MAX_MESSAGE - 1) + "…";
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getBy() {
    return by;
  }

  public void setBy(String by) {
    this.by = by;
  }

  public String getAt() {
    return at;
  }

  public void setAt(String at) {
    this.at = at;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public Integer getAttempt() {
    return attempt;
  }

  public void setAttempt(Integer attempt) {
    this.attempt = attempt;
  }

  public Integer getExitCode() {
    return exitCode;
  }

  public void setExitCode(Integer exitCode) {
    this.exitCode = exitCode;
  }

  public Integer getOmitted() {
    return omitted;
  }

  public void setOmitted(Integer omitted) {
    this.omitted = omitted;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuditEntry e
        && Objects.equals(kind, e.kind)
        && Objects.equals(by, e.by)
        && Objects.equals(at, e.at)
        && Objects.equals(message, e.message)
        && Objects.equals(attempt, e.attempt)
        && Objects.equals(exitCode, e.exitCode)
        && Objects.equals(omitted, e.omitted);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, by, at, message, attempt, exitCode, omitted);
  }

  @Override
  public String toString() {
    return kind
        + (attempt == null ? "" : "#" + attempt)
        + " by "
        + by
        + " at "
        + at
        + ": "
        + message;
  }
}
