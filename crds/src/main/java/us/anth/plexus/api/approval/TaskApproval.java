package us.anth.plexus.api.approval;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import us.anth.plexus.api.read.ReadProblems;
import us.anth.plexus.api.read.TolerantDeserializer;
import us.anth.plexus.api.read.TolerantlyRead;

/**
 * An approver's decision on a task (spec.approval). Where the chart's admission policy is
 * installed, {@code user} must be the authenticated user making the request, who needs the {@code
 * approve} verb on plexustasks, and the decision cannot change once given
 * (docs/concepts/approvals.md).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonDeserialize(using = TaskApproval.Reader.class)
public class TaskApproval implements TolerantlyRead {
  @JsonIgnore private final transient ReadProblems readProblems = new ReadProblems();

  @JsonPropertyDescription("Approved (the task may run) or Rejected (it ends Cancelled).")
  @Required
  private ApprovalDecision decision;

  @JsonPropertyDescription(
      "Kubernetes username of the approver; the admission policy accepts only the requesting"
          + " user's own name.")
  @Required
  @Size(min = 1, max = 256)
  private String user;

  @JsonPropertyDescription("Why the task was approved or rejected.")
  @Size(max = 1024)
  private String reason;

  public TaskApproval() {}

  public TaskApproval(ApprovalDecision decision, String user, String reason) {
    this.decision = decision;
    this.user = user;
    this.reason = reason;
  }

  public ApprovalDecision getDecision() {
    return decision;
  }

  public void setDecision(ApprovalDecision decision) {
    this.decision = decision;
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
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

  /** Reads a TaskApproval field by field (see {@link TolerantDeserializer}). */
  public static final class Reader extends TolerantDeserializer<TaskApproval> {
    public Reader() {
      super(TaskApproval.class, TaskApproval::new);
    }
  }
}
