package us.anth.plexus.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.approval.ApprovalDecision;

/**
 * {@code plexusctl approve <task> [--reason]}: approves a task awaiting approval as the
 * authenticated Kubernetes user (spec.approval, checked by the admission policy).
 */
@Command(
    name = "approve",
    description =
        "Approve a task awaiting approval, as your Kubernetes user (needs the 'approve' verb on"
            + " plexustasks, e.g. ClusterRole plexus-approver). A decision cannot be changed.")
public final class ApproveCommand extends SingleTaskCommand {
  @Option(names = "--reason", description = "Why it may run (recorded with the approval).")
  String reason;

  @Override
  int run(CliContext ctx, PlexusTask found) {
    return DecisionVerb.decide(ctx, found, ApprovalDecision.Approved, reason);
  }
}
