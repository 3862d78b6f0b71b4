package us.anth.plexus.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import us.anth.plexus.api.approval.TaskApproval;
import us.anth.plexus.api.read.ReadProblems;
import us.anth.plexus.api.read.TolerantDeserializer;
import us.anth.plexus.api.read.TolerantlyRead;
import us.anth.plexus.api.rollback.RollbackSpec;
import us.anth.plexus.api.target.Target;

/** Desired state of a PlexusTask: the DynamoDB Task fields plus execution settings. */
// Worst-case estimated CEL cost of each rule below (the API server rejects a CRD above 10,000,000
// per rule; string equality costs 0.1 per character of the shorter maximum): taskId (128 chars)
// ~20; command (32,768) and target (1,024) ~3,310; cancel ~10; stage names (50 stages x 50, 128
// chars) ~50,000. Each rests on the maxLength/maxItems of the fields it reads (CelRuleBoundsTest).
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = CelRules.TASK_ID_IMMUTABLE, message = CelRules.TASK_ID_IMMUTABLE_MESSAGE)
@ValidationRule(
    value = CelRules.ACCOUNT_AND_TYPE_WITHOUT_TASK_ID,
    message = CelRules.ACCOUNT_AND_TYPE_WITHOUT_TASK_ID_MESSAGE)
@ValidationRule(
    value = CelRules.COMMAND_TARGET_IMMUTABLE,
    message = CelRules.COMMAND_TARGET_IMMUTABLE_MESSAGE)
@ValidationRule(value = CelRules.CANCEL_FINAL, message = CelRules.CANCEL_FINAL_MESSAGE)
@ValidationRule(value = CelRules.APPROVAL_FINAL, message = CelRules.APPROVAL_FINAL_MESSAGE)
@ValidationRule(value = CelRules.STAGE_NAMES_UNIQUE, message = CelRules.STAGE_NAMES_UNIQUE_MESSAGE)
@JsonDeserialize(using = PlexusTaskSpec.Reader.class)
public class PlexusTaskSpec implements TolerantlyRead {
  @JsonIgnore private final transient ReadProblems readProblems = new ReadProblems();

  @JsonPropertyDescription(
      "Id of the DynamoDB Task record this task mirrors. Left empty for tasks created with kubectl:"
          + " the operator then creates the record and writes its id here. Immutable once set.")
  @Size(max = 128)
  private String taskId;

  @JsonPropertyDescription(
      "Plexus account that owns the task (Task.accountId). Required when taskId is empty (the"
          + " operator then creates the record); a dispatched record may lack it.")
  @Size(min = 1, max = 128)
  private String accountId;

  @JsonPropertyDescription(
      "Kind of operation, as shown by the dashboard (Task.type), e.g. 'Evaluation' or 'demo'."
          + " Required when taskId is empty; a dispatched record may lack it.")
  @Size(min = 1, max = 128)
  private String type;

  @JsonPropertyDescription(
      "Where the task runs (Task.target), as Plexus writes it: printable text of 1 to 1,024"
          + " characters, usually '/'-separated segments, e.g. 'evaluation', 'procedure/run/abc',"
          + " 'evaluation/accuracy/My Scorecard', 'training/gpu-required'. Missing means"
          + " 'default/command'. Matched against the targets patterns of PlexusWorkerPools.")
  @Default(Target.DEFAULT)
  @Pattern(Target.PRINTABLE_REGEX)
  @Size(min = 1, max = Target.MAX_LENGTH)
  private String target;

  @JsonPropertyDescription(
      "The CLI command to run, without the executable prefix (Task.command), e.g."
          + " 'evaluate accuracy --scorecard \"agent scorecard\"'. Split into words with POSIX"
          + " shell quoting rules; never run through a shell. Immutable.")
  @Required
  @Size(min = 1, max = 32768)
  private String command;

  @JsonPropertyDescription("Human-readable description (Task.description).")
  private String description;

  @JsonPropertyDescription("Free-form JSON metadata (Task.metadata).")
  @PreserveUnknownFields
  private JsonNode metadata;

  @JsonPropertyDescription("Scorecard the task concerns (Task.scorecardId).")
  private String scorecardId;

  @JsonPropertyDescription("Score the task concerns (Task.scoreId).")
  private String scoreId;

  @JsonPropertyDescription(
      "Name of the PlexusWorkerPool to run on, bypassing target routing. Normally left empty.")
  private String pool;

  @JsonPropertyDescription(
      "Wall-clock limit in seconds for the whole task (the Job's activeDeadlineSeconds)."
          + " Unset means no limit.")
  @Min(1)
  private Long timeoutSeconds;

  @JsonPropertyDescription("How failed attempts are retried.")
  private RetryPolicy retry;

  @JsonPropertyDescription(
      "Stages the command is expected to report, in order. Optional: stages the command reports"
          + " that are not declared here are added as they appear.")
  @Size(max = 50)
  private List<StageDeclaration> stages;

  @JsonPropertyDescription(
      "Set to true to cancel the task: its Job is deleted and the task ends Cancelled."
          + " Cannot be set back to false.")
  @Default("false")
  private Boolean cancel;

  @JsonPropertyDescription("Who asked for the cancellation (recorded in status.cancelledBy).")
  private String cancelRequestedBy;

  @JsonPropertyDescription(
      "Plan only: resolve the pool and build the Job, report them in the status, but create no"
          + " Job. The task ends Succeeded with condition Ready reason DryRun.")
  @Default("false")
  private Boolean dryRun;

  @JsonPropertyDescription(
      "Deprecated and ignored: a free-text name proves nothing. Approve with spec.approval"
          + " (plexusctl approve), which the admission policy ties to the authenticated user.")
  private String approvedBy;

  @JsonPropertyDescription(
      "The approver's decision for a task whose risk needs approval: set once, by a user allowed"
          + " to approve, naming themselves (checked by the chart's admission policy); never"
          + " changed afterwards. Rejected ends the task Cancelled with reason Rejected.")
  private TaskApproval approval;

  @JsonPropertyDescription(
      "Names of PlexusTasks in the same namespace that must succeed before this task starts."
          + " If one fails or is cancelled, this task fails with reason DependencyFailed.")
  @Size(max = 20)
  private List<String> dependsOn;

  @JsonPropertyDescription(
      "Seconds to keep the finished Job and this PlexusTask before they are deleted."
          + " Unset keeps them until deleted by hand. The DynamoDB records are kept either way.")
  @Min(0)
  @Max(31536000)
  private Integer ttlSecondsAfterFinished;

  @JsonPropertyDescription(
      "A command that undoes the task, run once as its own Job when the task fails after its last"
          + " attempt or times out (and when cancelled, if rollback.onCancel); never after success.")
  private RollbackSpec rollback;

  public String getTaskId() {
    return taskId;
  }

  public void setTaskId(String taskId) {
    this.taskId = taskId;
  }

  public String getAccountId() {
    return accountId;
  }

  public void setAccountId(String accountId) {
    this.accountId = accountId;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public String getCommand() {
    return command;
  }

  public void setCommand(String command) {
    this.command = command;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public JsonNode getMetadata() {
    return metadata;
  }

  public void setMetadata(JsonNode metadata) {
    this.metadata = metadata;
  }

  public String getScorecardId() {
    return scorecardId;
  }

  public void setScorecardId(String scorecardId) {
    this.scorecardId = scorecardId;
  }

  public String getScoreId() {
    return scoreId;
  }

  public void setScoreId(String scoreId) {
    this.scoreId = scoreId;
  }

  public String getPool() {
    return pool;
  }

  public void setPool(String pool) {
    this.pool = pool;
  }

  public Long getTimeoutSeconds() {
    return timeoutSeconds;
  }

  public void setTimeoutSeconds(Long timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }

  public RetryPolicy getRetry() {
    return retry;
  }

  public void setRetry(RetryPolicy retry) {
    this.retry = retry;
  }

  public List<StageDeclaration> getStages() {
    return stages;
  }

  public void setStages(List<StageDeclaration> stages) {
    this.stages = stages;
  }

  public Boolean getCancel() {
    return cancel;
  }

  public void setCancel(Boolean cancel) {
    this.cancel = cancel;
  }

  public String getCancelRequestedBy() {
    return cancelRequestedBy;
  }

  public void setCancelRequestedBy(String cancelRequestedBy) {
    this.cancelRequestedBy = cancelRequestedBy;
  }

  public Boolean getDryRun() {
    return dryRun;
  }

  public void setDryRun(Boolean dryRun) {
    this.dryRun = dryRun;
  }

  public String getApprovedBy() {
    return approvedBy;
  }

  public void setApprovedBy(String approvedBy) {
    this.approvedBy = approvedBy;
  }

  public TaskApproval getApproval() {
    return approval;
  }

  public void setApproval(TaskApproval approval) {
    this.approval = approval;
  }

  public List<String> getDependsOn() {
    return dependsOn;
  }

  public void setDependsOn(List<String> dependsOn) {
    this.dependsOn = dependsOn;
  }

  public Integer getTtlSecondsAfterFinished() {
    return ttlSecondsAfterFinished;
  }

  public void setTtlSecondsAfterFinished(Integer ttlSecondsAfterFinished) {
    this.ttlSecondsAfterFinished = ttlSecondsAfterFinished;
  }

  public RollbackSpec getRollback() {
    return rollback;
  }

  public void setRollback(RollbackSpec rollback) {
    this.rollback = rollback;
  }

  /** True when {@code cancel} is set. */
  public boolean cancelRequested() {
    return Boolean.TRUE.equals(cancel);
  }

  /** True when {@code dryRun} is set. */
  public boolean dryRunRequested() {
    return Boolean.TRUE.equals(dryRun);
  }

  @Override
  public ReadProblems readProblems() {
    return readProblems;
  }

  /** Reads a PlexusTaskSpec field by field (see {@link TolerantDeserializer}). */
  public static final class Reader extends TolerantDeserializer<PlexusTaskSpec> {
    public Reader() {
      super(PlexusTaskSpec.class, PlexusTaskSpec::new);
    }
  }
}
