package us.anth.plexus.api.rollback;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Observed state of a task's rollback Job (also shown as condition RolledBack/RollbackFailed). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RollbackStatus {
  /** Values of {@link #getState()}. */
  public static final String RUNNING = "Running";

  public static final String SUCCEEDED = "Succeeded";
  public static final String FAILED = "Failed";

  @JsonPropertyDescription("Running, Succeeded or Failed.")
  private String state;

  @JsonPropertyDescription("Name of the rollback Job (the task's Job name with '-rb').")
  private String jobName;

  @JsonPropertyDescription("Pool the rollback ran on.")
  private String pool;

  @JsonPropertyDescription("Why the rollback ran, e.g. 'task Failed: BackoffLimitExceeded'.")
  private String trigger;

  @JsonPropertyDescription("When the rollback Job was created (ISO-8601 UTC).")
  private String startedAt;

  @JsonPropertyDescription("When the rollback ended (ISO-8601 UTC).")
  private String completedAt;

  @JsonPropertyDescription("Exit code of the rollback command, when known.")
  private Integer exitCode;

  @JsonPropertyDescription("One line on the outcome.")
  private String message;

  /** Whether the rollback ended (Succeeded or Failed). */
  public boolean ended() {
    return SUCCEEDED.equals(state) || FAILED.equals(state);
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public String getJobName() {
    return jobName;
  }

  public void setJobName(String jobName) {
    this.jobName = jobName;
  }

  public String getPool() {
    return pool;
  }

  public void setPool(String pool) {
    this.pool = pool;
  }

  public String getTrigger() {
    return trigger;
  }

  public void setTrigger(String trigger) {
    this.trigger = trigger;
  }

  public String getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(String startedAt) {
    this.startedAt = startedAt;
  }

  public String getCompletedAt() {
    return completedAt;
  }

  public void setCompletedAt(String completedAt) {
    this.completedAt = completedAt;
  }

  public Integer getExitCode() {
    return exitCode;
  }

  public void setExitCode(Integer exitCode) {
    this.exitCode = exitCode;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
