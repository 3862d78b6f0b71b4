package us.anth.plexus.api.approval;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import us.anth.plexus.api.read.ReadProblems;
import us.anth.plexus.api.read.TolerantDeserializer;
import us.anth.plexus.api.read.TolerantlyRead;
import us.anth.plexus.api.risk.RiskLevel;

/** What the operator found about a task's approval (status.approval); written by the operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonDeserialize(using = ApprovalStatus.Reader.class)
public class ApprovalStatus implements TolerantlyRead {
  @JsonIgnore private final transient ReadProblems readProblems = new ReadProblems();

  @JsonPropertyDescription("Whether the task's risk needs an approval on its pool.")
  private Boolean required;

  @JsonPropertyDescription("The pool's level from which approval is required.")
  private RiskLevel requiredFrom;

  @JsonPropertyDescription("The risk rule that set the task's level ('default' when none matched).")
  private String rule;

  @JsonPropertyDescription("Who created the task (the admission-recorded creator annotation).")
  private String requester;

  @JsonPropertyDescription("When the task started waiting for approval (ISO-8601 UTC).")
  private String requestedAt;

  @JsonPropertyDescription(
      "When the wait for approval expires (ISO-8601 UTC), if the pool sets it.")
  private String expiresAt;

  @JsonPropertyDescription("Approved or Rejected, once the operator has seen spec.approval.")
  private ApprovalDecision decision;

  @JsonPropertyDescription("Who approved or rejected the task.")
  private String decidedBy;

  @JsonPropertyDescription("When the operator first saw the decision (ISO-8601 UTC).")
  private String decidedAt;

  @JsonPropertyDescription("Why the task was approved or rejected.")
  private String reason;

  public Boolean getRequired() {
    return required;
  }

  public void setRequired(Boolean required) {
    this.required = required;
  }

  public RiskLevel getRequiredFrom() {
    return requiredFrom;
  }

  public void setRequiredFrom(RiskLevel requiredFrom) {
    this.requiredFrom = requiredFrom;
  }

  public String getRule() {
    return rule;
  }

  public void setRule(String rule) {
    this.rule = rule;
  }

  public String getRequester() {
    return requester;
  }

  public void setRequester(String requester) {
    this.requester = requester;
  }

  public String getRequestedAt() {
    return requestedAt;
  }

  public void setRequestedAt(String requestedAt) {
    this.requestedAt = requestedAt;
  }

  public String getExpiresAt() {
    return expiresAt;
  }

  public void setExpiresAt(String expiresAt) {
    this.expiresAt = expiresAt;
  }

  public ApprovalDecision getDecision() {
    return decision;
  }

  public void setDecision(ApprovalDecision decision) {
    this.decision = decision;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public void setDecidedBy(String decidedBy) {
    this.decidedBy = decidedBy;
  }

  public String getDecidedAt() {
    return decidedAt;
  }

  public void setDecidedAt(String decidedAt) {
    this.decidedAt = decidedAt;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  @Override
  public ReadProblems readProblems() {
    return readProblems;
  }

  /** Reads an ApprovalStatus field by field (see {@link TolerantDeserializer}). */
  public static final class Reader extends TolerantDeserializer<ApprovalStatus> {
    public Reader() {
      super(ApprovalStatus.class, ApprovalStatus::new);
    }
  }
}
