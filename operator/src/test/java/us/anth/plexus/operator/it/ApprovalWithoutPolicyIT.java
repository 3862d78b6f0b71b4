package us.anth.plexus.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static us.anth.plexus.operator.testing.OperatorHarness.eventually;

import io.fabric8.kubernetes.api.model.Event;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.api.risk.RiskLevel;
import us.anth.plexus.operator.model.Conditions;
import us.anth.plexus.operator.testing.OperatorHarness;
import us.anth.plexus.operator.testing.TestPools;
import us.anth.plexus.operator.testing.TestTasks;

/**
 * Where the approval admission policy is not installed, nobody's approval can be trusted: the
 * operator holds approval-requiring tasks, approved or not, with condition Approved=False reason
 * ApprovalPolicyMissing and a Warning Event saying why; tasks below the approval level still run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalWithoutPolicyIT {
  private OperatorHarness harness;

  @BeforeAll
  void start() {
    harness = OperatorHarness.start();
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  @Test
  void approvalRequiringTasksAreRefusedAndSayWhy() {
    String ns = harness.newNamespace();
    harness.createPool(
        TestPools.withRisk(
            TestPools.pool(ns + "-p", ns + "/*"),
            RiskLevel.Destructive,
            null,
            "dataset delete *=Destructive"));
    harness.createTask(
        TestTasks.builder()
            .namespace(ns)
            .name("forged")
            .target(ns + "/x")
            .command("dataset delete all")
            .buildNew());
    harness.createTask(
        TestTasks.builder().namespace(ns).name("harmless").target(ns + "/x").buildNew());

    PlexusTaskStatus held =
        eventually()
            .until(
                () -> harness.status(ns, "forged"),
                s -> s.getPhase() == TaskPhase.AwaitingApproval);
    var approved = Conditions.find(held.getConditions(), Conditions.APPROVED).orElseThrow();
    assertThat(approved.getReason()).isEqualTo("ApprovalPolicyMissing");
    assertThat(approved.getMessage())
        .isEqualTo(
            "task needs approval (risk Destructive) but approvals cannot be trusted:"
                + " ValidatingAdmissionPolicy plexus-task-approvals not found; install the"
                + " chart's approval policy (docs/concepts/approvals.md)");
    Event event =
        eventually()
            .until(
                () ->
                    harness.events(ns).stream()
                        .filter(e -> "ApprovalPolicyMissing".equals(e.getReason()))
                        .toList(),
                events -> !events.isEmpty())
            .get(0);
    assertThat(event.getType()).isEqualTo("Warning");

    // an approval written where nothing checks who wrote it changes nothing
    harness.patchSpec(
        ns, "forged", Map.of("approval", Map.of("decision", "Approved", "user", "admin")));
    eventually().until(() -> harness.jobOf(ns, "harmless"), job -> job != null);
    assertThat(harness.jobOf(ns, "forged")).isNull();
    assertThat(harness.status(ns, "forged").getPhase()).isEqualTo(TaskPhase.AwaitingApproval);
  }
}
