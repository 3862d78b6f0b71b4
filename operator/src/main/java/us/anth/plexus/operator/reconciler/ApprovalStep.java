package us.anth.plexus.operator.reconciler;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.api.Timestamps;
import us.anth.plexus.api.approval.ApprovalAdmission;
import us.anth.plexus.api.approval.ApprovalDecision;
import us.anth.plexus.api.approval.ApprovalStatus;
import us.anth.plexus.api.approval.TaskApproval;
import us.anth.plexus.api.audit.AuditEntry;
import us.anth.plexus.api.audit.AuditKind;
import us.anth.plexus.operator.model.Conditions;
import us.anth.plexus.operator.model.RiskAssessment;
import us.anth.plexus.operator.model.RiskDefaults;

/**
 * Assesses the task's risk on its pool and, when the pool requires approval for that level, holds
 * it in AwaitingApproval until spec.approval says Approved; a rejection ends it Cancelled (reason
 * Rejected), an expired wait Failed (reason ApprovalExpired). Approvals are trusted only while the
 * chart's admission policy is installed (docs/concepts/approvals.md).
 */
final class ApprovalStep {
  static final Duration POLICY_RECHECK = ApprovalPolicyPresence.TTL;

  private final RiskDefaults defaults;
  private final ApprovalPolicyPresence policy;

  ApprovalStep(RiskDefaults defaults, ApprovalPolicyPresence policy) {
    this.defaults = defaults;
    this.policy = policy;
  }

  /** The step: false holds or ends the task. */
  boolean approval(TaskRun run) {
    if (run.pool == null || run.draft.getJobName() != null) {
      return true;
    }
    RiskAssessment risk = RiskAssessment.of(run.task.getSpec().getCommand(), run.pool, defaults);
    ApprovalStatus status = assess(run, risk);
    TaskApproval decision = run.task.getSpec().getApproval();
    if (decision != null && decision.getDecision() == ApprovalDecision.Rejected) {
      return reject(run, status, decision);
    }
    if (!risk.approvalRequired() || run.task.getSpec().dryRunRequested()) {
      return true;
    }
    boolean approved = decision != null && decision.getDecision() == ApprovalDecision.Approved;
    if (!approved && expired(run, status, risk)) {
      return false;
    }
    Optional<String> missing = policy.missing(run.now);
    if (missing.isPresent()) {
      return refuse(run, status, missing.get());
    }
    return approved ? approved(run, status, decision) : await(run, risk);
  }

  /** Records the risk and whether approval is needed; an Event when the level changes. */
  private ApprovalStatus assess(TaskRun run, RiskAssessment risk) {
    ApprovalStatus status =
        run.draft.getApproval() == null ? new ApprovalStatus() : run.draft.getApproval();
    status.setRequired(risk.approvalRequired());
    status.setRequiredFrom(risk.approvalRequiredFrom());
    status.setRule(risk.rule());
    status.setRequester(creator(run));
    run.draft.setApproval(status);
    if (run.draft.getRisk() != risk.level()) {
      run.draft.setRisk(risk.level());
      String message =
          "risk "
              + risk.level()
              + " on pool "
              + run.pool.getMetadata().getName()
              + " (rule '"
              + risk.rule()
              + "'); approval "
              + (risk.approvalRequired()
                  ? "required from " + risk.approvalRequiredFrom()
                  : "not required");
      if (!AuditTrail.operator(run, AuditKind.RISK_ASSESSED, message)) {
        // the audit history keeps the first assessment; a later change is still an Event
        run.events.add(new TaskRun.PendingEvent("Normal", AuditKind.RISK_ASSESSED, message));
      }
    }
    return status;
  }

  private static String creator(TaskRun run) {
    Map<String, String> annotations = run.task.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(ApprovalAdmission.CREATED_BY_ANNOTATION);
  }

  /** Without the admission policy an approval proves nothing: hold the task and say why. */
  private boolean refuse(TaskRun run, ApprovalStatus status, String why) {
    String message =
        "task needs approval (risk "
            + run.draft.getRisk()
            + ") but approvals cannot be trusted: "
            + why
            + "; install the chart's approval policy (docs/concepts/approvals.md)";
    run.hold(
        TaskPhase.AwaitingApproval,
        Conditions.APPROVED,
        "ApprovalPolicyMissing",
        message,
        "Warning");
    run.recheckAfter(POLICY_RECHECK);
    return false;
  }

  /**
   * Whether the wait for a decision outlived the pool's approval timeout (then the task fails);
   * otherwise looks again when it would expire.
   */
  private boolean expired(TaskRun run, ApprovalStatus status, RiskAssessment risk) {
    if (status.getRequestedAt() == null) {
      status.setRequestedAt(run.nowText());
    }
    Long timeout = risk.approvalTimeoutSeconds();
    if (timeout != null) {
      Instant expires = requestedAt(run, status).plusSeconds(timeout);
      status.setExpiresAt(Timestamps.format(expires));
      if (!run.now.isBefore(expires)) {
        String message =
            "no approval within " + timeout + " s (requested " + status.getRequestedAt() + ")";
        run.fail(AuditKind.APPROVAL_EXPIRED, message);
        AuditTrail.operator(run, AuditKind.APPROVAL_EXPIRED, message);
        return true;
      }
      run.recheckAfter(Duration.between(run.now, expires).plusMillis(100));
    }
    return false;
  }

  /** Holds the task until a decision arrives. */
  private boolean await(TaskRun run, RiskAssessment risk) {
    String message =
        "risk "
            + run.draft.getRisk()
            + " on pool "
            + run.pool.getMetadata().getName()
            + " needs an approval (required from "
            + risk.approvalRequiredFrom()
            + "): plexusctl approve "
            + run.name()
            + ", by a user with the verb 'approve' on plexustasks";
    run.hold(
        TaskPhase.AwaitingApproval,
        Conditions.APPROVED,
        AuditKind.AWAITING_APPROVAL,
        message,
        "Normal");
    AuditTrail.operator(run, AuditKind.AWAITING_APPROVAL, message);
    return false;
  }

  /** Accepts the approval: records who and why once, condition Approved and an Event. */
  private boolean approved(TaskRun run, ApprovalStatus status, TaskApproval decision) {
    String message = "approved by " + decision.getUser() + reasonSuffix(decision);
    decide(run, status, decision);
    run.condition(Conditions.APPROVED, true, AuditKind.APPROVED, message);
    AuditTrail.record(run, entry(AuditKind.APPROVED, decision, run));
    return true;
  }

  /** A rejection ends the task Cancelled with reason Rejected, naming who and why. */
  private boolean reject(TaskRun run, ApprovalStatus status, TaskApproval decision) {
    decide(run, status, decision);
    String message = "Rejected by " + decision.getUser() + reasonSuffix(decision);
    run.draft.setPhase(TaskPhase.Cancelled);
    run.draft.setCancelledBy(decision.getUser());
    run.draft.setCancelledAt(orElse(run.draft.getCancelledAt(), run.nowText()));
    run.draft.setCompletedAt(orElse(run.draft.getCompletedAt(), run.nowText()));
    run.draft.setErrorMessage(message);
    run.condition(Conditions.APPROVED, false, AuditKind.REJECTED, message);
    run.ready(false, AuditKind.REJECTED, message);
    AuditTrail.record(run, entry(AuditKind.REJECTED, decision, run));
    return false;
  }

  private static void decide(TaskRun run, ApprovalStatus status, TaskApproval decision) {
    if (status.getDecision() == null) {
      status.setDecision(decision.getDecision());
      status.setDecidedBy(decision.getUser());
      status.setReason(decision.getReason());
      status.setDecidedAt(run.nowText());
    }
  }

  /** When the wait began; an unreadable time (a hand-edited status) restarts the wait now. */
  private static Instant requestedAt(TaskRun run, ApprovalStatus status) {
    try {
      return Instant.parse(status.getRequestedAt());
    } catch (java.time.format.DateTimeParseException e) {
      status.setRequestedAt(run.nowText());
      return run.now;
    }
  }

  /** The audit entry of a decision: by the approver, e.g. "approved: looks fine". */
  private static AuditEntry entry(String kind, TaskApproval decision, TaskRun run) {
    String verb = decision.getDecision().name().toLowerCase(java.util.Locale.ROOT);
    return AuditEntry.of(kind, decision.getUser(), verb + reasonSuffix(decision), run.now);
  }

  private static String reasonSuffix(TaskApproval decision) {
    String reason = decision.getReason();
    return reason == null || reason.isBlank() ? "" : ": " + reason;
  }

  private static String orElse(String value, String fallback) {
    return value != null ? value : fallback;
  }
}
