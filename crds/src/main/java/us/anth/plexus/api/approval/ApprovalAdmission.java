package us.anth.plexus.api.approval;

/**
 * The names shared by the chart's approval admission policy, the operator that checks it is
 * installed and plexusctl: the creator annotation, the policy objects, the approve verb.
 */
public final class ApprovalAdmission {
  /** Annotation recording the task's creator; set at CREATE, guarded by the policy. */
  public static final String CREATED_BY_ANNOTATION = "plexus.anth.us/created-by";

  /** The ValidatingAdmissionPolicy the chart installs. */
  public static final String POLICY = "plexus-task-approvals";

  /** Its ValidatingAdmissionPolicyBinding. */
  public static final String BINDING = "plexus-task-approvals";

  /** The RBAC verb on plexustasks that lets a user approve or reject. */
  public static final String VERB = "approve";

  /** The chart's ClusterRole granting {@link #VERB}. */
  public static final String APPROVER_CLUSTER_ROLE = "plexus-approver";

  private ApprovalAdmission() {}
}
