package us.anth.plexus.api.audit;

import java.util.Set;

/** The kinds of audit entries the operator records (one home for their names). */
public final class AuditKind {
  public static final String CREATED = "Created";
  public static final String ROUTED = "Routed";
  public static final String QUEUED = "Queued";
  public static final String STARTED = "Started";
  public static final String ATTEMPT_ENDED = "AttemptEnded";
  public static final String RETRIED = "Retried";
  public static final String TIMED_OUT = "TimedOut";
  public static final String FINISHED = "Finished";
  public static final String CANCELLED = "Cancelled";
  public static final String DRY_RUN = "DryRun";
  public static final String ROLLBACK_STARTED = "RollbackStarted";
  public static final String ROLLED_BACK = "RolledBack";
  public static final String ROLLBACK_FAILED = "RollbackFailed";

  /** Kinds of part A (risk and approvals). */
  public static final String RISK_ASSESSED = "RiskAssessed";

  public static final String AWAITING_APPROVAL = "AwaitingApproval";
  public static final String APPROVED = "Approved";
  public static final String REJECTED = "Rejected";
  public static final String APPROVAL_EXPIRED = "ApprovalExpired";

  /** Marks where entries were dropped when the history overflowed ({@link AuditHistory}). */
  public static final String TRUNCATED = "Truncated";

  /** Kinds recorded as Warning Events; the rest are Normal. */
  public static final Set<String> WARNINGS =
      Set.of(TIMED_OUT, ROLLBACK_FAILED, REJECTED, APPROVAL_EXPIRED);

  private AuditKind() {}
}
