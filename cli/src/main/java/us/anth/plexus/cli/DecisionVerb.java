package us.anth.plexus.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.approval.ApprovalDecision;
import us.anth.plexus.api.approval.TaskApproval;

/**
 * What {@code approve} and {@code reject} share: set spec.approval once, as the authenticated user
 * (the admission policy refuses any other name), never on a finished or already decided task.
 */
final class DecisionVerb {
  private DecisionVerb() {}

  /** Records {@code decision} on {@code found}; prints one line; returns the exit code. */
  static int decide(CliContext ctx, PlexusTask found, ApprovalDecision decision, String reason) {
    String name = "task/" + found.getMetadata().getName();
    String verb = decision == ApprovalDecision.Approved ? "approve" : "reject";
    if (SafeVerbs.finished(found)) {
      System.out.println(name + " already " + TaskViews.phase(found) + "; nothing to " + verb);
      return 0;
    }
    TaskApproval existing = found.getSpec().getApproval();
    if (existing != null) {
      boolean same = existing.getDecision() == decision;
      System.out.println(
          name
              + " already "
              + lower(existing.getDecision())
              + " by "
              + existing.getUser()
              + (same ? "; not changed" : "; a decision cannot be changed"));
      return same ? 0 : 1;
    }
    String user = KubeIdentity.require(ctx.client());
    Map<String, Object> approval = new LinkedHashMap<>();
    approval.put("decision", decision.name());
    approval.put("user", user);
    if (reason != null && !reason.isBlank()) {
      approval.put("reason", reason);
    }
    Tasks.patchSpec(ctx.client(), found, Map.of("approval", approval));
    System.out.println(
        name
            + " "
            + lower(decision)
            + " by "
            + user
            + (reason == null || reason.isBlank() ? "" : ": " + reason));
    return 0;
  }

  private static String lower(ApprovalDecision decision) {
    return decision == null ? "decided" : decision.name().toLowerCase(java.util.Locale.ROOT);
  }
}
