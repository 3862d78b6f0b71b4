package us.anth.plexus.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static us.anth.plexus.operator.testing.OperatorHarness.eventually;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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
  private final OperatorHarness harness = OperatorHarness.start(OperatorConfig.defaults(), mirror);

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

    mirror.answer(MirrorResult.created("task-id-7"));
    awaitSynced(ns, "m", "True", "Mirrored");
    eventually().until(() -> "task-id-7".equals(harness.task(ns, "m").getSpec().getTaskId()));
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
}
