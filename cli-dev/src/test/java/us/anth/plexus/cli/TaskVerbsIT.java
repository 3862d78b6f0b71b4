package us.anth.plexus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.PlexusWorkerPoolSpec;
import us.anth.plexus.api.approval.ApprovalDecision;
import us.anth.plexus.api.approval.TaskApproval;
import us.anth.plexus.store.TaskRecordStore;
import us.anth.plexus.store.TaskStageStore;

/**
 * The verbs on finished tasks: {@code cancel}/{@code approve} change nothing and say so; {@code
 * delete} with a selector on 50 tasks removes every CR and every Task record, with a progress line.
 * (Delete used to wait 60 s on a task whose finalizer went before its watch started, then stop,
 * leaving the other tasks and that task's record.)
 */
class TaskVerbsIT {
  private static final int TASKS = 50;
  @RegisterExtension static final DevStackFixture dev = DevStackFixture.perClass();
  private static TaskRecordStore records;

  @BeforeAll
  static void stores() {
    records = dev.records();
  }

  @Test
  void deletesEveryMatchingTaskAndItsRecord() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < TASKS; i++) {
      ids.add(dryRun("bulk").getSpec().getTaskId());
    }
    await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> tasksOfType("bulk").stream().allMatch(TaskVerbsIT::succeeded));
    assertThat(tasksOfType("bulk")).hasSize(TASKS);

    DevStackFixture.Run run = dev.run("delete", "--type", "bulk", "--status", "Succeeded", "-f");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(tasksOfType("bulk")).isEmpty();
    assertThat(ids).allSatisfy(id -> assertThat(records.find(id)).as(id).isEmpty());
    assertThat(run.out()).contains("deleted " + TASKS + "/" + TASKS);
  }

  @Test
  void cancelAndApproveOnAFinishedTaskChangeNothingAndSaySo() {
    PlexusTask task = dryRun("finished");
    String name = task.getMetadata().getName();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> succeeded(Tasks.reload(dev.stack.client(), task)));
    String before = Tasks.reload(dev.stack.client(), task).getMetadata().getResourceVersion();

    DevStackFixture.Run cancel = dev.run("cancel", name);
    DevStackFixture.Run approve = dev.run("approve", name);

    assertThat(cancel.exitCode()).isZero();
    assertThat(cancel.out()).isEqualTo("task/" + name + " already Succeeded; nothing to cancel\n");
    assertThat(approve.exitCode()).isZero();
    assertThat(approve.out())
        .isEqualTo("task/" + name + " already Succeeded; nothing to approve\n");
    PlexusTask after = Tasks.reload(dev.stack.client(), task);
    assertThat(after.getMetadata().getResourceVersion()).isEqualTo(before);
    assertThat(after.getSpec().getCancel()).isNull();
    assertThat(after.getSpec().getApproval()).isNull();
  }

  @Test
  void aDecisionIsNeverRewritten() {
    PlexusTask task =
        TaskFactory.build(
            new TaskFactory.Request(
                "sleep 60", "secure/zone", "acct", "gate", null, null, "no-such-pool"),
            DevRemote.NAMESPACE,
            TaskFactory.randomSuffix());
    task.getSpec().setApproval(new TaskApproval(ApprovalDecision.Approved, "alice", null));
    Tasks.api(dev.stack.client()).inNamespace(DevRemote.NAMESPACE).resource(task).create();

    DevStackFixture.Run approve = dev.run("approve", task.getMetadata().getName());
    DevStackFixture.Run reject = dev.run("reject", task.getMetadata().getName(), "--reason", "no");

    assertThat(approve.exitCode()).isZero();
    assertThat(approve.out()).contains("already approved by alice; not changed");
    assertThat(reject.exitCode()).isEqualTo(1);
    assertThat(reject.out()).contains("already approved by alice; a decision cannot be changed");
    assertThat(Tasks.reload(dev.stack.client(), task).getSpec().getApproval().getUser())
        .isEqualTo("alice");
  }

  @Test
  void dispatchChecksTargetAndPoolBeforeCreatingAnything() {
    int before = Tasks.list(dev.stack.client(), DevRemote.NAMESPACE).size();

    DevStackFixture.Run badTarget =
        dev.run("dispatch", "echo x", "--target", "evaluation\taccuracy", "--type", "checked");
    DevStackFixture.Run noPool =
        dev.run("dispatch", "echo x", "--pool", "nosuchpool", "--type", "checked");

    assertThat(badTarget.exitCode()).isEqualTo(2);
    assertThat(badTarget.err()).startsWith("error: target ").hasLineCount(1);
    assertThat(noPool.exitCode()).isEqualTo(2);
    assertThat(noPool.err())
        .isEqualTo("error: PlexusWorkerPool 'nosuchpool' does not exist; pools: dev-default\n");
    assertThat(Tasks.list(dev.stack.client(), DevRemote.NAMESPACE)).hasSize(before);
  }

  @Test
  void waitingAndStatusShowTheReadyReasonAndTheEvents() {
    PlexusWorkerPoolSpec spec = new PlexusWorkerPoolSpec();
    spec.setTargets(List.of("held/*"));
    spec.setCommandPrefix("");
    spec.setApprovalRequiredFor(List.of("echo held"));
    PlexusWorkerPool pool = new PlexusWorkerPool();
    pool.setMetadata(new ObjectMetaBuilder().withName("held").build());
    pool.setSpec(spec);
    dev.stack.client().resource(pool).create();

    DevStackFixture.Run wait =
        dev.run(
            "dispatch",
            "echo held",
            "--target",
            "held/x",
            "--type",
            "held",
            "--wait",
            "--wait-timeout",
            "6");

    assertThat(wait.exitCode()).as(wait.err()).isEqualTo(3);
    String shown = wait.out() + wait.err();
    assertThat(shown)
        .containsPattern(
            "Ready: False ApprovalPolicyMissing: task needs approval \\(risk Destructive\\) but"
                + " approvals cannot be trusted")
        .containsPattern("Event: Warning ApprovalPolicyMissing: task needs approval");
    String name = tasksOfType("held").get(0).getMetadata().getName();
    DevStackFixture.Run status = dev.run("status", name);
    assertThat(status.out())
        .containsPattern("(?m)^Ready: +False ApprovalPolicyMissing: task needs approval")
        .containsPattern(
            "(?m)^Events:\n  TYPE +REASON +AGE +MESSAGE\n(  .*\n)*  Warning +ApprovalPolicyMissing ");
  }

  private static PlexusTask dryRun(String type) {
    var stores =
        Optional.of(
            new CliContext.Stores(
                records,
                new TaskStageStore(dev.stack.dynamo().client(), dev.stack.dynamo().settings())));
    PlexusTask task =
        TaskFactory.build(
            new TaskFactory.Request("echo " + type, "dev/" + type, "acct", type, null, null, null),
            DevRemote.NAMESPACE,
            TaskFactory.randomSuffix());
    task.getSpec().setDryRun(true);
    return TaskSubmitter.submit(dev.stack.client(), stores, task);
  }

  private static boolean succeeded(PlexusTask task) {
    return TaskViews.phase(task).equals("Succeeded");
  }

  private static List<PlexusTask> tasksOfType(String type) {
    return Tasks.list(dev.stack.client(), DevRemote.NAMESPACE).stream()
        .filter(t -> type.equals(t.getSpec().getType()))
        .toList();
  }
}
