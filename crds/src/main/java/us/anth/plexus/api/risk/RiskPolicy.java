package us.anth.plexus.api.risk;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import us.anth.plexus.api.read.ReadProblems;
import us.anth.plexus.api.read.TolerantDeserializer;
import us.anth.plexus.api.read.TolerantlyRead;

/** A pool's risk settings (spec.risk): its rules, its default level, when approval is needed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonDeserialize(using = RiskPolicy.Reader.class)
public class RiskPolicy implements TolerantlyRead {
  @JsonIgnore private final transient ReadProblems readProblems = new ReadProblems();

  @JsonPropertyDescription(
      "Rules over the parsed command words. The operator's cluster-wide rules"
          + " (PLEXUS_RISK_RULES) apply too; when several rules match, the most severe level"
          + " wins.")
  @Size(max = 100)
  private List<RiskRule> rules;

  @JsonPropertyDescription(
      "Level of commands no rule matches. Unset: the operator's PLEXUS_RISK_DEFAULT_LEVEL.")
  private RiskLevel defaultLevel;

  @JsonPropertyDescription(
      "Tasks of this level or above wait in AwaitingApproval until approved (plexusctl"
          + " approve). Unset: the operator's PLEXUS_APPROVAL_REQUIRED_FROM.")
  private RiskLevel approvalRequiredFrom;

  @JsonPropertyDescription(
      "Seconds a task may wait for approval; then it ends Failed with reason ApprovalExpired."
          + " Unset: it waits until approved, rejected or cancelled.")
  @Min(1)
  @Max(31536000)
  private Long approvalTimeoutSeconds;

  public List<RiskRule> getRules() {
    return rules;
  }

  public void setRules(List<RiskRule> rules) {
    this.rules = rules;
  }

  public RiskLevel getDefaultLevel() {
    return defaultLevel;
  }

  public void setDefaultLevel(RiskLevel defaultLevel) {
    this.defaultLevel = defaultLevel;
  }

  public RiskLevel getApprovalRequiredFrom() {
    return approvalRequiredFrom;
  }

  public void setApprovalRequiredFrom(RiskLevel approvalRequiredFrom) {
    this.approvalRequiredFrom = approvalRequiredFrom;
  }

  public Long getApprovalTimeoutSeconds() {
    return approvalTimeoutSeconds;
  }

  public void setApprovalTimeoutSeconds(Long approvalTimeoutSeconds) {
    this.approvalTimeoutSeconds = approvalTimeoutSeconds;
  }

  @Override
  public ReadProblems readProblems() {
    return readProblems;
  }

  /** Reads a RiskPolicy field by field (see {@link TolerantDeserializer}). */
  public static final class Reader extends TolerantDeserializer<RiskPolicy> {
    public Reader() {
      super(RiskPolicy.class, RiskPolicy::new);
    }
  }
}
