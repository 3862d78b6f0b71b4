package us.anth.plexus.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import us.anth.plexus.api.approval.ApprovalStatus;
import us.anth.plexus.api.audit.AuditEntry;
import us.anth.plexus.api.read.ReadProblems;
import us.anth.plexus.api.read.TolerantDeserializer;
import us.anth.plexus.api.read.TolerantlyRead;
import us.anth.plexus.api.risk.RiskLevel;
import us.anth.plexus.api.rollback.RollbackStatus;

/**
 * Observed state of a PlexusTask. The operator owns the phase, conditions and Job fields; the
 * runner owns the stage, output and exit fields ({@link StatusOwnership}). Each writes only its own
 * fields, one JSON Patch {@code add} per field, so null fields are omitted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonDeserialize(using = PlexusTaskStatus.Reader.class)
public class PlexusTaskStatus implements TolerantlyRead {
  @JsonIgnore private final transient ReadProblems readProblems = new ReadProblems();

  @JsonPropertyDescription(
      "Pending, AwaitingApproval, Queued, Running, Succeeded, Failed or Cancelled.")
  private TaskPhase phase;

  @JsonPropertyDescription("Dispatch state mirrored to the DynamoDB Task record.")
  private DispatchStatus dispatchStatus;

  @JsonPropertyDescription("The metadata.generation the operator last acted on.")
  private Long observedGeneration;

  @JsonPropertyDescription(
      "Conditions: Ready, Scheduled, Approved, Failed, Synced (DynamoDB mirror health).")
  private List<Condition> conditions;

  @JsonPropertyDescription("Name of the Job running the task.")
  private String jobName;

  @JsonPropertyDescription("Name of the PlexusWorkerPool the task was routed to.")
  private String pool;

  @JsonPropertyDescription("Pod that ran (or runs) the latest attempt (Task.workerNodeId).")
  private String workerNodeId;

  @JsonPropertyDescription("Attempts started so far (pods of the Job).")
  private Integer attempts;

  @JsonPropertyDescription("When the first attempt started running (ISO-8601 UTC).")
  private String startedAt;

  @JsonPropertyDescription("When the task reached a final phase (ISO-8601 UTC).")
  private String completedAt;

  @JsonPropertyDescription("Estimated end of the whole task (ISO-8601 UTC).")
  private String estimatedCompletionAt;

  @JsonPropertyDescription("Name of the stage now running.")
  private String currentStage;

  @JsonPropertyDescription("Progress of the current stage for display, e.g. '120/2000 (6%)'.")
  private String progress;

  @JsonPropertyDescription("Per-stage progress, in stage order.")
  private List<StageStatus> stages;

  @JsonPropertyDescription("Exit code of the command's last attempt.")
  private Integer exitCode;

  @JsonPropertyDescription("One-line reason for a failure or cancellation.")
  private String errorMessage;

  @JsonPropertyDescription("Details of the failure, e.g. the tail of stderr.")
  private String errorDetails;

  @JsonPropertyDescription("Last few KB of the command's standard output.")
  private String stdoutTail;

  @JsonPropertyDescription("Last few KB of the command's standard error.")
  private String stderrTail;

  @JsonPropertyDescription("Total bytes the command wrote to standard output.")
  private Long stdoutBytes;

  @JsonPropertyDescription("Total bytes the command wrote to standard error.")
  private Long stderrBytes;

  @JsonPropertyDescription("Result the command reported (Task.output).")
  private String output;

  @JsonPropertyDescription(
      "Risk level of the command on its pool: ReadOnly, Modify or Destructive (from the pool's"
          + " and the operator's risk rules over the parsed command words).")
  private RiskLevel risk;

  @JsonPropertyDescription("Whether the task needs approval, and the decision once given.")
  private ApprovalStatus approval;

  @JsonPropertyDescription("Who cancelled the task.")
  private String cancelledBy;

  @JsonPropertyDescription("When the task was cancelled (ISO-8601 UTC).")
  private String cancelledAt;

  @JsonPropertyDescription(
      "Audit trail: every decision about the task with who and when, oldest first; at most 50"
          + " entries (the first 10 are kept, then a Truncated entry, then the newest).")
  private List<AuditEntry> history;

  @JsonPropertyDescription("The rollback Job's state, when spec.rollback ran.")
  private RollbackStatus rollback;

  @JsonPropertyDescription("What a dry run found (spec.dryRun): the Job a real run would create.")
  private DryRunReport dryRun;

  public TaskPhase getPhase() {
    return phase;
  }

  public void setPhase(TaskPhase phase) {
    this.phase = phase;
  }

  public DispatchStatus getDispatchStatus() {
    return dispatchStatus;
  }

  public void setDispatchStatus(DispatchStatus dispatchStatus) {
    this.dispatchStatus = dispatchStatus;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
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

  public String getWorkerNodeId() {
    return workerNodeId;
  }

  public void setWorkerNodeId(String workerNodeId) {
    this.workerNodeId = workerNodeId;
  }

  public Integer getAttempts() {
    return attempts;
  }

  public void setAttempts(Integer attempts) {
    this.attempts = attempts;
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

  public String getEstimatedCompletionAt() {
    return estimatedCompletionAt;
  }

  public void setEstimatedCompletionAt(String estimatedCompletionAt) {
    this.estimatedCompletionAt = estimatedCompletionAt;
  }

  public String getCurrentStage() {
    return currentStage;
  }

  public void setCurrentStage(String currentStage) {
    this.currentStage = currentStage;
  }

  public String getProgress() {
    return progress;
  }

  public void setProgress(String progress) {
    this.progress = progress;
  }

  public List<StageStatus> getStages() {
    return stages;
  }

  public void setStages(List<StageStatus> stages) {
    this.stages = stages;
  }

  public Integer getExitCode() {
    return exitCode;
  }

  public void setExitCode(Integer exitCode) {
    this.exitCode = exitCode;
  }

  public String getErrorMessage() {
    return errorMessage;
  }

  public void setErrorMessage(String errorMessage) {
    this.errorMessage = errorMessage;
  }

  public String getErrorDetails() {
    return errorDetails;
  }

  public void setErrorDetails(String errorDetails) {
    this.errorDetails = errorDetails;
  }

  public String getStdoutTail() {
    return stdoutTail;
  }

  public void setStdoutTail(String stdoutTail) {
    this.stdoutTail = stdoutTail;
  }

  public String getStderrTail() {
    return stderrTail;
  }

  public void setStderrTail(String stderrTail) {
    this.stderrTail = stderrTail;
  }

  public Long getStdoutBytes() {
    return stdoutBytes;
  }

  public void setStdoutBytes(Long stdoutBytes) {
    this.stdoutBytes = stdoutBytes;
  }

  public Long getStderrBytes() {
    return stderrBytes;
  }

  public void setStderrBytes(Long stderrBytes) {
    this.stderrBytes = stderrBytes;
  }

  public String getOutput() {
    return output;
  }

  public void setOutput(String output) {
    this.output = output;
  }

  public RiskLevel getRisk() {
    return risk;
  }

  public void setRisk(RiskLevel risk) {
    this.risk = risk;
  }

  public ApprovalStatus getApproval() {
    return approval;
  }

  public void setApproval(ApprovalStatus approval) {
    this.approval = approval;
  }

  public String getCancelledBy() {
    return cancelledBy;
  }

  public void setCancelledBy(String cancelledBy) {
    this.cancelledBy = cancelledBy;
  }

  public String getCancelledAt() {
    return cancelledAt;
  }

  public void setCancelledAt(String cancelledAt) {
    this.cancelledAt = cancelledAt;
  }

  public List<AuditEntry> getHistory() {
    return history;
  }

  public void setHistory(List<AuditEntry> history) {
    this.history = history;
  }

  public RollbackStatus getRollback() {
    return rollback;
  }

  public void setRollback(RollbackStatus rollback) {
    this.rollback = rollback;
  }

  public DryRunReport getDryRun() {
    return dryRun;
  }

  public void setDryRun(DryRunReport dryRun) {
    this.dryRun = dryRun;
  }

  @Override
  public ReadProblems readProblems() {
    return readProblems;
  }

  /** Reads a PlexusTaskStatus field by field (see {@link TolerantDeserializer}). */
  public static final class Reader extends TolerantDeserializer<PlexusTaskStatus> {
    public Reader() {
      super(PlexusTaskStatus.class, PlexusTaskStatus::new);
    }
  }
}
