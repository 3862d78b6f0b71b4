package us.anth.plexus.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;
import java.util.Map;
import us.anth.plexus.api.job.JobContract;
import us.anth.plexus.api.read.ReadProblems;
import us.anth.plexus.api.read.TolerantDeserializer;
import us.anth.plexus.api.read.TolerantlyRead;
import us.anth.plexus.api.risk.RiskPolicy;

/** Where and how tasks whose targets match this pool run. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonDeserialize(using = PlexusWorkerPoolSpec.Reader.class)
public class PlexusWorkerPoolSpec implements TolerantlyRead {
  @JsonIgnore private final transient ReadProblems readProblems = new ReadProblems();

  /**
   * {@link us.anth.plexus.api.target.TargetPattern#REGEX} written as a CEL string literal (every
   * backslash doubled); TargetPatternCorpusTest keeps the two equal.
   */
  static final String PATTERN_NAME_CEL =
      "[^/*\\\\[\\\\],\\\\p{Cc}\\\\p{Cf}\\\\p{Zl}\\\\p{Zp}\\\\p{Cs}]+";

  static final String PATTERN_SEGMENT_CEL =
      "(\\\\*|"
          + PATTERN_NAME_CEL
          + "|\\\\["
          + PATTERN_NAME_CEL
          + "(,"
          + PATTERN_NAME_CEL
          + ")*\\\\])";

  static final String PATTERN_REGEX_CEL =
      "^(" + PATTERN_SEGMENT_CEL + "/)*(" + PATTERN_SEGMENT_CEL + "|\\\\*\\\\*)$";

  @JsonPropertyDescription(
      "Target patterns this pool serves: '/'-separated segments, each a name (printable text,"
          + " spaces allowed), '*' (any one segment) or a set '[a,b]'; the last may be '**' (that"
          + " point and everything under it: 'evaluation/**' matches 'evaluation' and"
          + " 'evaluation/accuracy/My Scorecard'). '*' alone matches every target. The most"
          + " specific matching pattern across all pools wins.")
  // The API server rejects a CRD whose rule's estimated CEL cost exceeds 10,000,000, and assumes
  // ~3 MB for a string without maxLength. Bounded (1,024 chars, the target grammar's own limit;
  // 64 patterns), the worst case is 64 x ceil(1025 x 0.1) x ceil(~330-char regex x 0.25)
  // ~ 550,000; unbounded, one item alone was ~14.8 million. CelRuleBoundsTest keeps every value a
  // rule reads bounded.
  @Required
  @Size(min = 1, max = 64)
  @ValidationRule(value = CelRules.POOL_TARGETS, message = CelRules.POOL_TARGETS_MESSAGE)
  private List<@Size(max = 1024) String> targets;

  @JsonPropertyDescription("Node labels the task pods must run on.")
  private Map<String, String> nodeSelector;

  @JsonPropertyDescription("Tolerations of the task pods, e.g. for tainted GPU nodes.")
  private List<Toleration> tolerations;

  @JsonPropertyDescription("Affinity of the task pods.")
  private Affinity affinity;

  @JsonPropertyDescription("Resource requests and limits of the runner container.")
  private ResourceRequirements resources;

  @JsonPropertyDescription(
      "Pod-level securityContext of the task pods, replacing the default (runAsNonRoot, seccomp"
          + " RuntimeDefault: what the restricted Pod Security Standard demands), e.g. to set"
          + " runAsUser or fsGroup for an image that needs them.")
  private PodSecurityContext podSecurityContext;

  @JsonPropertyDescription(
      "securityContext of the runner container, replacing the default (runAsNonRoot, no"
          + " privilege escalation, every capability dropped, seccomp RuntimeDefault).")
  private SecurityContext securityContext;

  @JsonPropertyDescription("Runner image; defaults to the operator's configured runner image.")
  private String image;

  @JsonPropertyDescription("Pull policy of the runner image.")
  private String imagePullPolicy;

  @JsonPropertyDescription(
      "Service account of the task pods; defaults to the operator's runner service account.")
  private String serviceAccountName;

  @JsonPropertyDescription("Extra environment variables of the runner container.")
  private List<EnvVar> env;

  @JsonPropertyDescription("PriorityClass of the task pods.")
  private String priorityClassName;

  @JsonPropertyDescription(
      "Most tasks of this pool running at once; further Jobs are created suspended (phase"
          + " Queued) and released in creation order. Unset means no limit.")
  @Min(1)
  private Integer concurrencyLimit;

  @JsonPropertyDescription(
      "Tie-breaker when patterns of several pools match a target equally specifically: the"
          + " higher priority wins, then the pool name in alphabetical order.")
  @Default("0")
  private Integer priority;

  @JsonPropertyDescription(
      "Executable the runner puts before the task's command words, e.g. 'plexus'."
          + " Empty runs the command's first word as the executable.")
  @Default(JobContract.DEFAULT_COMMAND_PREFIX)
  private String commandPrefix;

  @JsonPropertyDescription(
      "When the runner appends '--task-id <Task id>' so a Plexus command attaches to its Task:"
          + " 'auto' follows Plexus's worker (every command but 'procedure run' and 'feedback"
          + " report run-programmatic-block') when the executable is 'plexus'; 'always' applies"
          + " that rule to any executable; 'never' appends nothing. PLEXUS_DISPATCH_TASK_ID is"
          + " set unless 'never'.")
  @Default("auto")
  private TaskIdArgument taskIdArgument;

  @JsonPropertyDescription(
      "Secret whose keys PLEXUS_API_URL, PLEXUS_API_KEY and PLEXUS_ACCOUNT_KEY (each optional)"
          + " become the task pods' environment, so Plexus commands report through the Plexus"
          + " API. With URL and key set, an attached command owns its progress: the runner then"
          + " writes no TaskStage and reads the command's back into the status.")
  @Size(max = 253)
  private String plexusApiSecret;

  @JsonPropertyDescription(
      "Deprecated: use risk. Each entry (e.g. 'training run') acts as the risk rule '<entry> *'"
          + " with level Destructive, and, unless risk.approvalRequiredFrom is set, approval is"
          + " then required from Destructive on.")
  private List<String> approvalRequiredFor;

  @JsonPropertyDescription(
      "Risk levels of commands on this pool (rules over the parsed command words, the default"
          + " level) and from which level a task needs approval.")
  private RiskPolicy risk;

  public List<String> getTargets() {
    return targets;
  }

  public void setTargets(List<String> targets) {
    this.targets = targets;
  }

  public Map<String, String> getNodeSelector() {
    return nodeSelector;
  }

  public void setNodeSelector(Map<String, String> nodeSelector) {
    this.nodeSelector = nodeSelector;
  }

  public List<Toleration> getTolerations() {
    return tolerations;
  }

  public void setTolerations(List<Toleration> tolerations) {
    this.tolerations = tolerations;
  }

  public Affinity getAffinity() {
    return affinity;
  }

  public void setAffinity(Affinity affinity) {
    this.affinity = affinity;
  }

  public ResourceRequirements getResources() {
    return resources;
  }

  public void setResources(ResourceRequirements resources) {
    this.resources = resources;
  }

  public PodSecurityContext getPodSecurityContext() {
    return podSecurityContext;
  }

  public void setPodSecurityContext(PodSecurityContext podSecurityContext) {
    this.podSecurityContext = podSecurityContext;
  }

  public SecurityContext getSecurityContext() {
    return securityContext;
  }

  public void setSecurityContext(SecurityContext securityContext) {
    this.securityContext = securityContext;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public String getImagePullPolicy() {
    return imagePullPolicy;
  }

  public void setImagePullPolicy(String imagePullPolicy) {
    this.imagePullPolicy = imagePullPolicy;
  }

  public String getServiceAccountName() {
    return serviceAccountName;
  }

  public void setServiceAccountName(String serviceAccountName) {
    this.serviceAccountName = serviceAccountName;
  }

  public List<EnvVar> getEnv() {
    return env;
  }

  public void setEnv(List<EnvVar> env) {
    this.env = env;
  }

  public String getPriorityClassName() {
    return priorityClassName;
  }

  public void setPriorityClassName(String priorityClassName) {
    this.priorityClassName = priorityClassName;
  }

  public Integer getConcurrencyLimit() {
    return concurrencyLimit;
  }

  public void setConcurrencyLimit(Integer concurrencyLimit) {
    this.concurrencyLimit = concurrencyLimit;
  }

  public Integer getPriority() {
    return priority;
  }

  public void setPriority(Integer priority) {
    this.priority = priority;
  }

  public TaskIdArgument getTaskIdArgument() {
    return taskIdArgument;
  }

  public void setTaskIdArgument(TaskIdArgument taskIdArgument) {
    this.taskIdArgument = taskIdArgument;
  }

  public String getPlexusApiSecret() {
    return plexusApiSecret;
  }

  public void setPlexusApiSecret(String plexusApiSecret) {
    this.plexusApiSecret = plexusApiSecret;
  }

  public String getCommandPrefix() {
    return commandPrefix;
  }

  public void setCommandPrefix(String commandPrefix) {
    this.commandPrefix = commandPrefix;
  }

  public RiskPolicy getRisk() {
    return risk;
  }

  public void setRisk(RiskPolicy risk) {
    this.risk = risk;
  }

  public List<String> getApprovalRequiredFor() {
    return approvalRequiredFor;
  }

  public void setApprovalRequiredFor(List<String> approvalRequiredFor) {
    this.approvalRequiredFor = approvalRequiredFor;
  }

  @Override
  public ReadProblems readProblems() {
    return readProblems;
  }

  /** Reads a PlexusWorkerPoolSpec field by field (see {@link TolerantDeserializer}). */
  public static final class Reader extends TolerantDeserializer<PlexusWorkerPoolSpec> {
    public Reader() {
      super(PlexusWorkerPoolSpec.class, PlexusWorkerPoolSpec::new);
    }
  }
}
