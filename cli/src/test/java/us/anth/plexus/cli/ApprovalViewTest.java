package us.anth.plexus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.api.approval.ApprovalDecision;
import us.anth.plexus.api.approval.ApprovalStatus;
import us.anth.plexus.api.approval.TaskApproval;
import us.anth.plexus.api.risk.RiskLevel;

class ApprovalViewTest {
  private static PlexusTask awaiting() {
    PlexusTask t =
        TaskFixtures.task("drop", "acct", "dataset", "ops/x", TaskPhase.AwaitingApproval);
    t.getStatus().setRisk(RiskLevel.Destructive);
    ApprovalStatus approval = new ApprovalStatus();
    approval.setRequired(true);
    approval.setRequiredFrom(RiskLevel.Destructive);
    approval.setRule("dataset delete *");
    approval.setExpiresAt("2026-12-01T10:00:00.000Z");
    t.getStatus().setApproval(approval);
    return t;
  }

  @Test
  void listAndStatusShowTheRiskAndWhatTheApprovalWaitsFor() {
    PlexusTask t = awaiting();
    List<String> lines = TaskViews.list(List.of(t)).lines().toList();
    assertThat(lines.get(0)).containsPattern("PHASE +RISK +STAGE");
    assertThat(lines.get(1)).containsPattern("AwaitingApproval +Destructive");
    assertThat(TaskViews.detail(t))
        .contains("Risk:       Destructive\n")
        .contains(
            "Approval:   required from Destructive (rule 'dataset delete *'), expires"
                + " 2026-12-01T10:00:00Z\n");
  }

  @Test
  void aDecisionShowsWhoAndWhy() {
    PlexusTask t = awaiting();
    t.getSpec().setApproval(new TaskApproval(ApprovalDecision.Rejected, "bob", "wrong set"));
    assertThat(ApprovalView.line(t)).isEqualTo("rejected by bob: wrong set");
    t.getStatus().getApproval().setRequired(false);
    t.getSpec().setApproval(null);
    assertThat(ApprovalView.line(t)).isEqualTo("not required");
    t.getStatus().setApproval(null);
    assertThat(ApprovalView.line(t)).isNull();
  }
}
