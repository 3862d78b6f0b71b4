package us.anth.plexus.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static us.anth.plexus.operator.testing.OperatorHarness.eventually;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.api.approval.ApprovalDecision;
import us.anth.plexus.api.risk.RiskLevel;
import us.anth.plexus.operator.model.Conditions;
import us.anth.plexus.operator.testing.ApprovalPolicyStandIn;
import us.anth.plexus.operator.testing.OperatorHarness;
import us.anth.plexus.operator.testing.TestPools;
import us.anth.plexus.operator.testing.TestTasks;

/**
 * Risk levels and the operator's side of approvals on the mock API, with the admission policy's
 * objects present (the mock stores but does not enforce them): risk assessed and shown, approval
 * awaited, approved, rejected (Cancelled/Rejected, who and why), expired (Failed/ApprovalExpired);
 * each decision an Event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalIT {
  private OperatorHarness harness;
  private String ns;

  @BeforeAll
  void start() {
    harness = OperatorHarness.start();
    ApprovalPolicyStandIn.install(harness.client());
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  @BeforeEach
  void newNamespaceAndPool() {
    ns = harness.newNamespace();
    harness.createPool(
        TestPools.withRisk(
            TestPools.pool(ns + "-p", ns + "/*"),
            RiskLevel.Destructive,
            null,
            "evaluate *=ReadOnly",
            "dataset delete *=Destructive"));
  }

  private TestTasks task(String name, String command) {
    return TestTasks.builder()
        .namespace(ns)
        .name(name)
        .target(ns + "/ops")
        .command(command)
        .createdBy("alice");
  }

  private PlexusTaskStatus awaitPhase(String name, TaskPhase phase) {
    return eventually().until(() -> harness.status(ns, name), s -> s.getPhase() == phase);
  }

  private Condition condition(PlexusTaskStatus status, String type) {
    return Conditions.find(status.getConditions(), type).orElseThrow();
  }

  private Event awaitEvent(String reason) {
    return eventually()
        .until(
            () -> harness.events(ns).stream().filter(e -> reason.equals(e.getReason())).toList(),
            events -> !events.isEmpty())
        .get(0);
  }

  @Test
  void readOnlyTaskRunsWithoutApprovalAndShowsItsRisk() {
    harness.createTask(task("look", "evaluate accuracy").buildNew());
    eventually().until(() -> harness.jobOf(ns, "look"), job -> job != null);
    PlexusTaskStatus status =
        eventually().until(() -> harness.status(ns, "look"), s -> s.getJobName() != null);
    assertThat(status.getRisk()).isEqualTo(RiskLevel.ReadOnly);
    assertThat(status.getApproval().getRequired()).isFalse();
    assertThat(status.getApproval().getRule()).isEqualTo("evaluate *");
    assertThat(awaitEvent("RiskAssessed").getMessage())
        .isEqualTo(
            "risk ReadOnly on pool "
                + ns
                + "-p (rule 'evaluate *'); approval not required (by plexus-operator)");
  }

  @Test
  void destructiveTaskWaitsForApprovalThenRuns() {
    harness.createTask(task("drop", "dataset \"delete\" old").buildNew());
    PlexusTaskStatus waiting = awaitPhase("drop", TaskPhase.AwaitingApproval);
    assertThat(waiting.getRisk()).isEqualTo(RiskLevel.Destructive);
    assertThat(waiting.getApproval().getRequired()).isTrue();
    assertThat(waiting.getApproval().getRequester()).isEqualTo("alice");
    assertThat(waiting.getApproval().getRequestedAt()).isNotNull();
    assertThat(condition(waiting, Conditions.APPROVED).getReason()).isEqualTo("AwaitingApproval");
    assertThat(awaitEvent("AwaitingApproval").getMessage())
        .contains(
            "risk Destructive on pool " + ns + "-p needs an approval (required from Destructive)")
        .contains("plexusctl approve drop");
    assertThat(harness.jobs(ns)).isEmpty();

    harness.patchSpec(
        ns,
        "drop",
        Map.of("approval", Map.of("decision", "Approved", "user", "bob", "reason", "ok")));
    eventually().until(() -> harness.jobOf(ns, "drop"), job -> job != null);
    PlexusTaskStatus approved =
        eventually()
            .until(
                () -> harness.status(ns, "drop"),
                s -> "True".equals(condition(s, Conditions.APPROVED).getStatus()));
    assertThat(condition(approved, Conditions.APPROVED).getMessage())
        .isEqualTo("approved by bob: ok");
    assertThat(approved.getApproval().getDecision()).isEqualTo(ApprovalDecision.Approved);
    assertThat(approved.getApproval().getDecidedBy()).isEqualTo("bob");
    assertThat(approved.getApproval().getDecidedAt()).isNotNull();
    assertThat(awaitEvent("Approved").getMessage()).isEqualTo("approved: ok (by bob)");
    assertThat(approved.getHistory())
        .extracting(e -> e.getKind() + " " + e.getBy())
        .contains(
            "RiskAssessed plexus-operator", "AwaitingApproval plexus-operator", "Approved bob");
  }

  @Test
  void rejectedTaskEndsCancelledWithWhoAndWhy() {
    harness.createTask(task("nope", "dataset delete all").buildNew());
    awaitPhase("nope", TaskPhase.AwaitingApproval);
    harness.patchSpec(
        ns,
        "nope",
        Map.of("approval", Map.of("decision", "Rejected", "user", "bob", "reason", "too wide")));

    PlexusTaskStatus rejected = awaitPhase("nope", TaskPhase.Cancelled);
    assertThat(condition(rejected, Conditions.READY).getReason()).isEqualTo("Rejected");
    assertThat(rejected.getCancelledBy()).isEqualTo("bob");
    assertThat(rejected.getErrorMessage()).isEqualTo("Rejected by bob: too wide");
    assertThat(rejected.getApproval().getDecision()).isEqualTo(ApprovalDecision.Rejected);
    assertThat(rejected.getApproval().getReason()).isEqualTo("too wide");
    Event event = awaitEvent("Rejected");
    assertThat(event.getMessage()).isEqualTo("rejected: too wide (by bob)");
    assertThat(event.getType()).isEqualTo("Warning");
    assertThat(rejected.getHistory())
        .anySatisfy(
            e -> {
              assertThat(e.getKind()).isEqualTo("Rejected");
              assertThat(e.getBy()).isEqualTo("bob");
              assertThat(e.getMessage()).isEqualTo("rejected: too wide");
            });
    assertThat(harness.jobs(ns)).isEmpty();
  }

  @Test
  void unapprovedTaskExpiresAfterThePoolsTimeout() {
    harness.createPool(
        TestPools.withRisk(
            TestPools.pool(ns + "-slow", ns + "/slow"), RiskLevel.Modify, 2L, "x *=Modify"));
    harness.createTask(task("late", "x y").target(ns + "/slow").buildNew());
    PlexusTaskStatus waiting = awaitPhase("late", TaskPhase.AwaitingApproval);
    assertThat(waiting.getApproval().getExpiresAt()).isNotNull();

    PlexusTaskStatus expired = awaitPhase("late", TaskPhase.Failed);
    assertThat(condition(expired, Conditions.FAILED).getReason()).isEqualTo("ApprovalExpired");
    assertThat(expired.getErrorMessage()).startsWith("no approval within 2 s");
    assertThat(awaitEvent("ApprovalExpired").getType()).isEqualTo("Warning");
    assertThat(expired.getHistory()).extracting(e -> e.getKind()).contains("ApprovalExpired");
    assertThat(harness.jobs(ns)).isEmpty();
  }
}
