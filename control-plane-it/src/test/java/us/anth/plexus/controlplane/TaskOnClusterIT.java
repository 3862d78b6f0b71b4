package us.anth.plexus.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static us.anth.plexus.controlplane.OperatorOnCluster.eventually;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.devkit.node.NodeSpec;
import us.anth.plexus.operator.model.Conditions;
import us.anth.plexus.operator.testing.TestPools;
import us.anth.plexus.operator.testing.TestTasks;

/**
 * Tasks through the real operator (under the chart's operator ServiceAccount), the real Job
 * controller, garbage collector and scheduler, and the node agent running the real runner (under
 * the chart's runner ServiceAccount): success, exit codes, GPU routing, a real Unschedulable,
 * cancel and owner-reference garbage collection. The mock-based operator ITs keep covering the
 * operator's own logic with a simulated Job controller.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskOnClusterIT {
  private OperatorOnCluster on;
  private String ns;

  @BeforeAll
  void start() {
    on = OperatorOnCluster.start(RealCluster.get());
    ns = on.namespace;
    on.createPool(TestPools.pool(ns + "-cpu", ns + "/*"));
    on.createPool(gpuPool(ns + "-gpu", ns + "/gpu"));
  }

  @AfterAll
  void stop() {
    if (on != null) {
      on.closeAssertingNothingDenied();
    }
  }

  private PlexusTask task(String name, String command) {
    return TestTasks.builder().name(name).target(ns + "/work").command(command).buildNew();
  }

  @Test
  void taskRunsOnACpuNodeThroughTheJobControllerAndSucceeds() {
    on.createTask(task("ok", "sh -c 'echo hello from the runner'"));

    PlexusTaskStatus done = on.awaitPhase("ok", TaskPhase.Succeeded);
    assertThat(done.getExitCode()).isEqualTo(0);
    Job job = on.jobOf("ok");
    assertThat(job.getStatus().getConditions())
        .extracting(JobCondition::getType)
        .contains("Complete");
    assertThat(job.getStatus().getSucceeded()).isEqualTo(1);
    Pod pod = on.podsOf(job).get(0);
    assertThat(pod.getSpec().getNodeName()).isEqualTo("cpu-1");
    assertThat(
            pod.getStatus().getContainerStatuses().get(0).getState().getTerminated().getExitCode())
        .isZero();
    assertThat(pod.getStatus().getConditions())
        .anyMatch(c -> "PodScheduled".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  @Test
  void nonZeroExitFailsTheJobWithTheRealControllersReason() {
    on.createTask(task("exit3", "sh -c 'exit 3'"));
    PlexusTaskStatus failed = on.awaitPhase("exit3", TaskPhase.Failed);
    assertThat(failed.getExitCode()).isEqualTo(3);
    assertThat(Conditions.find(failed.getConditions(), Conditions.FAILED).map(Condition::getReason))
        .contains("BackoffLimitExceeded");
  }

  @Test
  void neverRetryExitCodeEndsTheJobThroughThePodFailurePolicy() {
    on.createTask(
        TestTasks.builder()
            .name("exit127")
            .target(ns + "/work")
            .command("sh -c 'exit 127'")
            .retry(3)
            .buildNew());
    PlexusTaskStatus failed = on.awaitPhase("exit127", TaskPhase.Failed);
    assertThat(Conditions.find(failed.getConditions(), Conditions.FAILED).map(Condition::getReason))
        .contains("PodFailurePolicy");
    assertThat(on.podsOf(on.jobOf("exit127"))).hasSize(1);
  }

  @Test
  void gpuPoolTaskLandsOnTheGpuNodeAndPlainTasksNeverDo() {
    on.createTask(TestTasks.builder().name("train").target(ns + "/gpu").command("true").buildNew());
    on.awaitPhase("train", TaskPhase.Succeeded);
    assertThat(on.podsOf(on.jobOf("train")).get(0).getSpec().getNodeName()).isEqualTo("gpu-1");
    assertThat(on.status("train").getPool()).isEqualTo(ns + "-gpu");

    on.createTask(task("plain", "true"));
    on.awaitPhase("plain", TaskPhase.Succeeded);
    assertThat(on.podsOf(on.jobOf("plain")).get(0).getSpec().getNodeName()).isEqualTo("cpu-1");
  }

  @Test
  void podTheSchedulerCannotPlaceGivesTheOperatorsUnschedulableCondition() {
    PlexusWorkerPool tooBig = TestPools.pool(ns + "-huge", ns + "/huge");
    tooBig
        .getSpec()
        .setResources(
            new ResourceRequirementsBuilder()
                .withRequests(Map.of("cpu", new Quantity("64")))
                .build());
    on.createPool(tooBig);
    on.createTask(TestTasks.builder().name("huge").target(ns + "/huge").command("true").buildNew());

    Condition ready = on.awaitReady("huge", "Unschedulable");
    assertThat(ready.getMessage()).contains("cannot be scheduled").contains("Insufficient cpu");
    assertThat(on.status("huge").getPhase()).isEqualTo(TaskPhase.Pending);
  }

  @Test
  void cancelStopsTheRunningProcessAndDeletesTheJob() {
    on.createTask(task("long", "sleep 300"));
    on.awaitPhase("long", TaskPhase.Running);
    eventually().until(() -> runnerPids().keySet().stream().anyMatch(k -> k.startsWith(ns + "/")));

    patchSpec("long", Map.of("cancel", true, "cancelRequestedBy", "alice"));
    PlexusTaskStatus cancelled = on.awaitPhase("long", TaskPhase.Cancelled);
    assertThat(cancelled.getCancelledBy()).isEqualTo("alice");
    eventually().until(() -> on.jobOf("long") == null);
    eventually().until(() -> runnerPids().keySet().stream().noneMatch(k -> k.contains("/long-")));
  }

  @Test
  void deletingATaskGarbageCollectsItsJobAndPods() {
    on.createTask(task("gc", "true"));
    on.awaitPhase("gc", TaskPhase.Succeeded);
    Job job = on.jobOf("gc");
    assertThat(on.podsOf(job)).isNotEmpty();

    on.admin().resources(PlexusTask.class).inNamespace(ns).withName("gc").delete();
    eventually().until(() -> on.task("gc") == null);
    eventually().until(() -> on.jobOf("gc") == null && on.podsOf(job).isEmpty());
  }

  private Map<String, Long> runnerPids() {
    return on.cluster.agent.runningPids();
  }

  private void patchSpec(String name, Map<String, Object> fields) {
    on.admin()
        .resources(PlexusTask.class)
        .inNamespace(ns)
        .withName(name)
        .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(Map.of("spec", fields)));
  }

  /** A pool for the GPU node: its label, a toleration of its taint, one GPU. */
  static PlexusWorkerPool gpuPool(String name, String target) {
    PlexusWorkerPool pool = TestPools.pool(name, target);
    pool.getSpec().setNodeSelector(Map.of(NodeSpec.GPU_LABEL, "true"));
    pool.getSpec()
        .setTolerations(
            List.of(
                new TolerationBuilder()
                    .withKey(NodeSpec.GPU_RESOURCE)
                    .withOperator("Exists")
                    .withEffect("NoSchedule")
                    .build()));
    pool.getSpec()
        .setResources(
            new ResourceRequirementsBuilder()
                .withLimits(Map.of(NodeSpec.GPU_RESOURCE, new Quantity("1")))
                .build());
    pool.getSpec().setPriority(10);
    return pool;
  }
}
