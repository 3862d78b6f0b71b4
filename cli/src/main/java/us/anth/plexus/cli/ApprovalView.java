package us.anth.plexus.cli;

import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.approval.ApprovalStatus;
import us.anth.plexus.api.approval.TaskApproval;

/** The one-line approval summary of {@code plexusctl status}. Pure. */
final class ApprovalView {
  private ApprovalView() {}

  /**
   * E.g. "approved by bob: ok", "required from Destructive (rule 'x *'), requested ..."; or null.
   */
  static String line(PlexusTask t) {
    TaskApproval decision = t.getSpec() == null ? null : t.getSpec().getApproval();
    if (decision != null && decision.getDecision() != null) {
      String reason = decision.getReason();
      return decision.getDecision().name().toLowerCase(java.util.Locale.ROOT)
          + " by "
          + decision.getUser()
          + (reason == null || reason.isBlank() ? "" : ": " + reason);
    }
    ApprovalStatus status = t.getStatus() == null ? null : t.getStatus().getApproval();
    if (status == null || !Boolean.TRUE.equals(status.getRequired())) {
      return status == null ? null : "not required";
    }
    return "required from "
        + status.getRequiredFrom()
        + " (rule '"
        + status.getRule()
        + "')"
        + (status.getExpiresAt() == null
            ? ""
            : ", expires " + TaskViews.seconds(status.getExpiresAt()));
  }
}
