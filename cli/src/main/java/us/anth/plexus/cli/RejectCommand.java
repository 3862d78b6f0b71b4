package us.anth.plexus.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.approval.ApprovalDecision;

/**
 * {@code plexusctl reject <task> [--reason]}: rejects a task as the authenticated Kubernetes user;
 * the operator ends it Cancelled with reason Rejected.
 */
@Command(
    name = "reject",
    description =
        "Reject a task, as your Kubernetes user: it ends Cancelled with reason Rejected (needs the"
            + " 'approve' verb on plexustasks). A decision cannot be changed.")
public final class RejectCommand extends SingleTaskCommand {
  @Option(names = "--reason", description = "Why it must not run (recorded with the rejection).")
  String reason;

  @Override
  int run(CliContext ctx, PlexusTask found) {
    return DecisionVerb.decide(ctx, found, ApprovalDecision.Rejected, reason);
  }
}
