package us.anth.plexus.api.rollback;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import us.anth.plexus.api.target.Target;

/**
 * What undoes a task that failed: a command run once, as its own Job, after the last failed attempt
 * or a timeout (and after a cancellation when {@code onCancel}); never after success.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RollbackSpec {
  @JsonPropertyDescription(
      "The CLI command that undoes the task, without the executable prefix, e.g. 'dataset restore"
          + " --id x'. Split like spec.command; never run through a shell.")
  @Required
  @Size(min = 1, max = 32768)
  private String command;

  @JsonPropertyDescription(
      "PlexusWorkerPool to run the rollback on. Unset: the pool routed from rollback.target, else"
          + " the task's own pool.")
  private String pool;

  @JsonPropertyDescription(
      "Target to route the rollback with (as spec.target). Unset: the task's own pool.")
  @Pattern(Target.PRINTABLE_REGEX)
  @Size(min = 1, max = Target.MAX_LENGTH)
  private String target;

  @JsonPropertyDescription("Also roll back when the task is cancelled after its Job was created.")
  @Default("false")
  private Boolean onCancel;

  public String getCommand() {
    return command;
  }

  public void setCommand(String command) {
    this.command = command;
  }

  public String getPool() {
    return pool;
  }

  public void setPool(String pool) {
    this.pool = pool;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public Boolean getOnCancel() {
    return onCancel;
  }

  public void setOnCancel(Boolean onCancel) {
    this.onCancel = onCancel;
  }

  /** True when {@code onCancel} is set. */
  public boolean rollsBackOnCancel() {
    return Boolean.TRUE.equals(onCancel);
  }
}
