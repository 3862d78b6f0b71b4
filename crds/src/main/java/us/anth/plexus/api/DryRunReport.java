package us.anth.plexus.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;

/** What a dry run found: the exact Job a real run would create, its risk and approval need. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DryRunReport {
  @JsonPropertyDescription(
      "The batch/v1 Job a real run of this task would create, built by the same code with the"
          + " same defaults (not suspended).")
  @PreserveUnknownFields
  private JsonNode job;

  @JsonPropertyDescription("Risk level of the command (ReadOnly, Modify or Destructive), if known.")
  private String risk;

  @JsonPropertyDescription("Whether a real run would wait for an approval on its pool.")
  private Boolean approvalRequired;

  @JsonPropertyDescription("Why approval would be required (the pool's matching rule).")
  private String approvalReason;

  public JsonNode getJob() {
    return job;
  }

  public void setJob(JsonNode job) {
    this.job = job;
  }

  public String getRisk() {
    return risk;
  }

  public void setRisk(String risk) {
    this.risk = risk;
  }

  public Boolean getApprovalRequired() {
    return approvalRequired;
  }

  public void setApprovalRequired(Boolean approvalRequired) {
    this.approvalRequired = approvalRequired;
  }

  public String getApprovalReason() {
    return approvalReason;
  }

  public void setApprovalReason(String approvalReason) {
    this.approvalReason = approvalReason;
  }
}
