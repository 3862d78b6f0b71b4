package us.anth.plexus.api.approval;

/** What an approver decided about a task that needs approval. */
public enum ApprovalDecision {
  /** The task may run. */
  Approved,
  /** The task must not run: it ends Cancelled with reason Rejected. */
  Rejected
}
