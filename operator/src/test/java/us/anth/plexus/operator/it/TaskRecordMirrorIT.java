package us.anth.plexus.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static us.anth.plexus.operator.testing.OperatorHarness.eventually;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.operator.OperatorConfig;
import us.anth.plexus.operator.mirror.TaskRecordMirror.MirrorResult;
import us.anth.plexus.operator.model.Conditions;
import us.anth.plexus.operator.testing.JobControllerSimulator;
import us.anth.plexus.operator.testing.OperatorHarness;
import us.anth.plexus.operator.testing.SwitchableMirror;
import us.anth.plexus.operator.testing.TestPools;
import us.anth.plexus.operator.testing.TestTasks;

/**
 * The mirror hook: its result becomes condition Synced, a created record id lands in spec.taskId.
 */
class TaskRecordMirrorIT {
  private final SwitchableMirror mirror = new SwitchableMirror();
  private final OperatorHarness harness =
      OperatorHarness.start(
          OperatorConfig.fromEnv(Map.of("PLEXUS_DELETE_MIRROR_TIMEOUT_SECONDS", "2")), mirror);

  @AfterEach
  void stop() {
    harness.close();
  }

  private PlexusTaskStatus awaitSynced(String ns, String name, String status, String reason) {
    return eventually()
        .until(
            () -> harness.status(ns, name),
            s ->
                Conditions.find(s.getConditions(), Conditions.SYNCED)
                    .filter(c -> status.equals(c.getStatus()) && reason.equals(c.getReason()))
                    .isPresent());
  }

  @Test
  void failingMirrorShowsInSyncedAndIsRetriedUntilItWorks() {
    String ns = harness.newNamespace();
    mirror.answer(MirrorResult.failed("table Task-x-NONE does not exist"));
    harness.createPool(TestPools.pool(ns + "-p", ns + "/*"));
    harness.createTask(TestTasks.builder().namespace(ns).name("m").target(ns + "/x").buildNew());

    PlexusTaskStatus failing = awaitSynced(ns, "m", "False", "MirrorFailed");
    assertThat(
            Conditions.find(failing.getConditions(), Conditions.SYNCED).orElseThrow().getMessage())
        .isEqualTo("table Task-x-NONE does not exist");
    eventually()
        .until(
            () -> harness.events(ns),
            events -> events.stream().anyMatch(e -> "MirrorFailed".equals(e.getReason())));

    mirror.answer(MirrorResult.ok());
    awaitSynced(ns, "m", "True", "Mirrored");
  }

  @Test
  void mirrorSeesEveryPhaseChange() {
    String ns = harness.newNamespace();
    harness.createPool(TestPools.pool(ns + "-p", ns + "/*"));
    harness.createTask(TestTasks.builder().namespace(ns).name("m").target(ns + "/x").buildNew());
    var job = eventually().until(() -> harness.jobOf(ns, "m"), j -> j != null);
    JobControllerSimulator jobController = new JobControllerSimulator(harness.client());
    jobController.start(job);
    eventually().until(() -> mirror.seen().contains("m:Running"));
    jobController.complete(job);
    eventually().until(() -> mirror.seen().contains("m:Succeeded"));
    awaitSynced(ns, "m", "True", "Mirrored");
  }

  private String mirrorFailedMessage(String ns) {
    return harness.events(ns).stream()
        .filter(e -> "MirrorFailed".equals(e.getReason()))
        .map(e -> e.getMessage())
        .findFirst()
        .orElse("");
  }

  @Test
  void deletedTaskIsHeldWhileItsRecordCannotBeWrittenThenReleasedAfterTheTimeout() {
    String ns = harness.newNamespace();
    mirror.answer(MirrorResult.failed("DynamoDB unreachable"));
    harness.createTask(TestTasks.builder().namespace(ns).name("gone").target(ns + "/x").buildNew());
    awaitSynced(ns, "gone", "False", "MirrorFailed");

    harness.client().resources(PlexusTask.class).inNamespace(ns).withName("gone").delete();
    eventually().until(() -> mirrorFailedMessage(ns).contains("(retrying)"));
    assertThat(harness.task(ns, "gone")).as("held by the finalizer").isNotNull();
    assertThat(mirror.seen()).contains("gone:Cancelled");

    eventually().until(() -> harness.task(ns, "gone") == null);
    assertThat(mirrorFailedMessage(ns))
        .matches("gave up writing the deleted task's record after \\d+s: DynamoDB unreachable");
  }
}
