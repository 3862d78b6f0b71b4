package us.anth.plexus.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static us.anth.plexus.operator.testing.OperatorHarness.eventually;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import us.anth.plexus.api.DispatchStatus;
import us.anth.plexus.api.PlexusLabels;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.operator.model.Conditions;
import us.anth.plexus.operator.model.JobEnv;
import us.anth.plexus.operator.testing.JobControllerSimulator;
import us.anth.plexus.operator.testing.OperatorHarness;
import us.anth.plexus.operator.testing.TestPools;
import us.anth.plexus.operator.testing.TestTasks;

/** A task's way from creation to its final phase, through the real operator on the mock API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskLifecycleIT {
  private OperatorHarness harness;
  private JobControllerSimulator jobController;
  private String ns;

  @BeforeAll
  void startOperator() {
    harness = OperatorHarness.start();
    jobController = new JobControllerSimulator(harness.client());
  }

  @AfterAll
  void stopOperator() {
    harness.close();
  }

  @BeforeEach
  void newNamespace() {
    ns = harness.newNamespace();
  }

  private TestTasks task(String name) {
    return TestTasks.builder().namespace(ns).name(name).target(ns + "/gpu-required");
  }

  /** A task on a catch-all pool whose Job's pod runs: the task is Running. */
  private Job runningTask(String name) {
    harness.createPool(TestPools.pool(ns + "-p", ns + "/*"));
    harness.createTask(task(name).buildNew());
    Job job = awaitJob(name);
    jobController.start(job);
    awaitPhase(name, TaskPhase.Running);
    return job;
  }

  private Job awaitJob(String taskName) {
    return eventually().until(() -> harness.jobOf(ns, taskName), job -> job != null);
  }

  private PlexusTaskStatus awaitPhase(String taskName, TaskPhase phase) {
    return eventually().until(() -> harness.status(ns, taskName), s -> s.getPhase() == phase);
  }

  private PlexusTaskStatus awaitCondition(String taskName, String type, String status) {
    return eventually()
        .until(
            () -> harness.status(ns, taskName),
            s ->
                status.equals(
                    Conditions.find(s.getConditions(), type)
                        .map(Condition::getStatus)
                        .orElse(null)));
  }

  private static Condition condition(PlexusTaskStatus status, String type) {
    return Conditions.find(status.getConditions(), type).orElseThrow();
  }

  @Test
  void taskOnAPoolGetsAJobWithThePoolsPlacementAndFollowsItToSuccess() {
    harness.createPool(TestPools.gpuPool(ns + "-gpu", ns + "/gpu-required"));
    harness.createPool(TestPools.pool(ns + "-cpu", ns + "/*"));
    harness.createTask(task("train").taskId("t-1").timeoutSeconds(600).buildNew());

    Job job = awaitJob("train");
    var pod = job.getSpec().getTemplate().getSpec();
    assertThat(pod.getNodeSelector()).containsEntry("plexus.anth.us/node-pool", "gpu");
    assertThat(pod.getTolerations()).extracting(t -> t.getKey()).containsExactly("nvidia.com/gpu");
    assertThat(pod.getContainers().get(0).getResources().getLimits())
        .containsEntry("nvidia.com/gpu", new Quantity("1"));
    assertThat(job.getMetadata().getLabels())
        .containsEntry(PlexusLabels.TASK_NAME, "train")
        .containsEntry(PlexusLabels.TASK_ID, "t-1")
        .containsEntry(PlexusLabels.POOL, ns + "-gpu")
        .containsEntry(PlexusLabels.MANAGED_BY, "plexus-operator");
    assertThat(JobEnv.asMap(pod.getContainers().get(0).getEnv()))
        .containsEntry("PLEXUS_TASK_NAMESPACE", ns)
        .containsEntry("PLEXUS_TASK_NAME", "train")
        .containsEntry("PLEXUS_TIMEOUT_SECONDS", "600")
        .containsEntry("PLEXUS_POD_NAME", "fieldRef:metadata.name");
    assertThat(job.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            o ->
                assertThat(o.getUid()).isEqualTo(harness.task(ns, "train").getMetadata().getUid()));
    PlexusTaskStatus dispatched =
        eventually()
            .until(
                () -> harness.status(ns, "train"),
                s -> s.getDispatchStatus() == DispatchStatus.DISPATCHED);
    assertThat(dispatched.getJobName()).isEqualTo(job.getMetadata().getName());
    assertThat(dispatched.getPool()).isEqualTo(ns + "-gpu");
    assertThat(condition(dispatched, Conditions.SCHEDULED).getStatus()).isEqualTo("True");
    String scheduledAt = condition(dispatched, Conditions.SCHEDULED).getLastTransitionTime();

    String podName = jobController.start(job);
    PlexusTaskStatus running = awaitPhase("train", TaskPhase.Running);
    assertThat(running.getWorkerNodeId()).isEqualTo(podName);
    assertThat(running.getAttempts()).isEqualTo(1);
    assertThat(running.getStartedAt()).isNotNull();
    assertThat(condition(running, Conditions.READY).getReason()).isEqualTo("Running");

    jobController.complete(job);
    PlexusTaskStatus done = awaitPhase("train", TaskPhase.Succeeded);
    assertThat(condition(done, Conditions.READY).getStatus()).isEqualTo("True");
    assertThat(done.getCompletedAt()).isNotNull();
    assertThat(done.getObservedGeneration()).isEqualTo(1L);
    assertThat(condition(done, Conditions.SCHEDULED).getLastTransitionTime())
        .isEqualTo(scheduledAt);
    assertThat(harness.jobs(ns)).hasSize(1);
  }

  @Test
  void failedJobFailsTheTaskWithTheControllersReason() {
    harness.createPool(TestPools.pool(ns + "-p", ns + "/*"));
    harness.createTask(task("fails").retry(2).buildNew());
    Job job = awaitJob("fails");
    assertThat(job.getSpec().getBackoffLimit()).isEqualTo(2);
    jobController.start(job);
    jobController.fail(job, "BackoffLimitExceeded", "Job has reached the specified backoff limit");
    PlexusTaskStatus failed = awaitPhase("fails", TaskPhase.Failed);
    assertThat(condition(failed, Conditions.FAILED).getStatus()).isEqualTo("True");
    assertThat(condition(failed, Conditions.FAILED).getReason()).isEqualTo("BackoffLimitExceeded");
    assertThat(condition(failed, Conditions.READY).getStatus()).isEqualTo("False");
    assertThat(failed.getErrorMessage()).isEqualTo("failed after 1 attempt");
  }

  @Test
  void deadlineExceededIsReportedAsATimeout() {
    harness.createPool(TestPools.pool(ns + "-p", ns + "/*"));
    harness.createTask(task("slow").timeoutSeconds(60).buildNew());
    Job job = awaitJob("slow");
    assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(60L);
    jobController.start(job);
    jobController.fail(job, "DeadlineExceeded", "Job was active longer than specified deadline");
    PlexusTaskStatus failed = awaitPhase("slow", TaskPhase.Failed);
    assertThat(failed.getErrorMessage()).isEqualTo("timed out after 60s");
    assertThat(condition(failed, Conditions.FAILED).getReason()).isEqualTo("DeadlineExceeded");
  }

  @Test
  void taskWithoutAPoolWaitsWithAReasonThenStartsWhenAPoolAppears() {
    harness.createTask(task("orphan").buildNew());
    PlexusTaskStatus pending =
        eventually()
            .until(
                () -> harness.status(ns, "orphan"),
                s ->
                    Conditions.isFalseWithReason(
                        s.getConditions(), Conditions.SCHEDULED, "NoMatchingPool"));
    assertThat(pending.getPhase()).isEqualTo(TaskPhase.Pending);
    assertThat(pending.getDispatchStatus()).isEqualTo(DispatchStatus.PENDING);
    assertThat(condition(pending, Conditions.SCHEDULED).getMessage())
        .contains(ns + "/gpu-required");
    eventually()
        .until(
            () -> harness.events(ns),
            events ->
                events.stream()
                    .anyMatch(
                        e ->
                            "NoMatchingPool".equals(e.getReason())
                                && "Warning".equals(e.getType())));
    assertThat(harness.jobs(ns)).isEmpty();

    harness.createPool(TestPools.pool(ns + "-late", "[" + ns + ",other]/gpu-required"));
    Job job = awaitJob("orphan");
    assertThat(job.getMetadata().getLabels()).containsEntry(PlexusLabels.POOL, ns + "-late");
    PlexusTaskStatus scheduled = awaitCondition("orphan", Conditions.SCHEDULED, "True");
    assertThat(condition(scheduled, Conditions.SCHEDULED).getReason()).isEqualTo("PoolSelected");
  }

  @Test
  void cancelDeletesTheJobAndRecordsWhoAndWhen() {
    runningTask("stop-me");

    harness.patchSpec(ns, "stop-me", Map.of("cancel", true, "cancelRequestedBy", "alice"));
    PlexusTaskStatus cancelled = awaitPhase("stop-me", TaskPhase.Cancelled);
    assertThat(cancelled.getCancelledBy()).isEqualTo("alice");
    assertThat(cancelled.getCancelledAt()).isNotNull();
    assertThat(condition(cancelled, Conditions.READY).getReason()).isEqualTo("Cancelled");
    eventually().until(() -> harness.jobOf(ns, "stop-me") == null);
  }

  @Test
  void jobDeletedBehindTheOperatorsBackFailsTheTaskInsteadOfRerunningIt() {
    Job job = runningTask("lost");
    harness.client().batch().v1().jobs().resource(job).delete();
    PlexusTaskStatus failed = awaitPhase("lost", TaskPhase.Failed);
    assertThat(condition(failed, Conditions.FAILED).getReason()).isEqualTo("JobDeleted");
    assertThat(harness.jobs(ns)).isEmpty();
  }

  @Test
  void cancelWithoutARequesterRecordsUnknown() {
    harness.createTask(task("nobody").buildNew());
    harness.patchSpec(ns, "nobody", Map.of("cancel", true));
    assertThat(awaitPhase("nobody", TaskPhase.Cancelled).getCancelledBy()).isEqualTo("unknown");
  }

  @Test
  void deletingATaskDeletesItsJob() {
    harness.createPool(TestPools.pool(ns + "-p", ns + "/*"));
    harness.createTask(task("doomed").buildNew());
    Job job = awaitJob("doomed");
    harness
        .client()
        .resources(us.anth.plexus.api.PlexusTask.class)
        .inNamespace(ns)
        .withName("doomed")
        .delete();
    eventually()
        .until(
            () ->
                harness
                        .client()
                        .batch()
                        .v1()
                        .jobs()
                        .inNamespace(ns)
                        .withName(job.getMetadata().getName())
                        .get()
                    == null);
    eventually().until(() -> harness.task(ns, "doomed") == null);
    var deleted =
        eventually()
            .until(
                () ->
                    harness.events(ns).stream()
                        .filter(e -> "Deleted".equals(e.getReason()))
                        .toList(),
                events -> events.size() == 1)
            .get(0);
    assertThat(deleted.getType()).isEqualTo("Normal");
    assertThat(deleted.getMessage()).isEqualTo("Cancelled: PlexusTask deleted while Pending");
  }

  @Test
  void targetThatCannotRunFailsOnceWithInvalidSpec() {
    harness.createPool(TestPools.pool(ns + "-p", ns + "/*"));
    harness.createTask(task("bad").target(ns + "/x\u0007y").buildNew());
    PlexusTaskStatus failed = awaitPhase("bad", TaskPhase.Failed);
    assertThat(condition(failed, Conditions.READY).getReason()).isEqualTo("InvalidSpec");
    assertThat(condition(failed, Conditions.FAILED).getReason()).isEqualTo("InvalidSpec");
    assertThat(failed.getErrorMessage()).containsAnyOf("printable", "control character U+0007");
    assertThat(failed.getDispatchStatus()).isEqualTo(DispatchStatus.ERROR);
    eventually()
        .until(
            () -> harness.events(ns),
            events ->
                events.stream()
                    .anyMatch(
                        e -> "InvalidSpec".equals(e.getReason()) && "Warning".equals(e.getType())));
    assertThat(harness.jobs(ns)).isEmpty();
  }

  @Test
  void dryRunPlansWithoutCreatingAJob() {
    harness.createPool(TestPools.pool(ns + "-p", ns + "/*"));
    harness.createTask(task("plan").dryRun().buildNew());
    PlexusTaskStatus planned = awaitPhase("plan", TaskPhase.Succeeded);
    assertThat(condition(planned, Conditions.READY).getReason()).isEqualTo("DryRun");
    assertThat(planned.getJobName()).startsWith("plan-");
    assertThat(planned.getPool()).isEqualTo(ns + "-p");
    assertThat(harness.jobs(ns)).isEmpty();
  }

  @Test
  void dependentTaskWaitsThenFailsWhenItsDependencyFails() {
    harness.createPool(TestPools.pool(ns + "-p", ns + "/*"));
    harness.createTask(task("first").buildNew());
    harness.createTask(task("second").dependsOn("first").buildNew());
    eventually()
        .until(
            () -> harness.status(ns, "second"),
            s ->
                Conditions.isFalseWithReason(
                    s.getConditions(), Conditions.READY, "WaitingForDependencies"));
    Job first = awaitJob("first");
    jobController.fail(first, "BackoffLimitExceeded", "failed");
    PlexusTaskStatus second = awaitPhase("second", TaskPhase.Failed);
    assertThat(condition(second, Conditions.FAILED).getReason()).isEqualTo("DependencyFailed");
    assertThat(harness.jobOf(ns, "second")).isNull();
  }

  @Test
  void finishedTaskIsDeletedAfterItsTtl() {
    harness.createPool(TestPools.pool(ns + "-p", ns + "/*"));
    harness.createTask(task("short-lived").ttlSecondsAfterFinished(1).buildNew());
    Job job = awaitJob("short-lived");
    jobController.complete(job);
    awaitPhase("short-lived", TaskPhase.Succeeded);
    eventually().until(() -> harness.task(ns, "short-lived") == null);
  }
}
