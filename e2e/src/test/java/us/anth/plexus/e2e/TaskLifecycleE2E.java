package us.anth.plexus.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import us.anth.plexus.api.PlexusLabels;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskSpec;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.PlexusWorkerPoolSpec;
import us.anth.plexus.api.StageState;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.devkit.cluster.RunnerIdentity;
import us.anth.plexus.operator.OperatorConfig;
import us.anth.plexus.operator.PlexusOperator;
import us.anth.plexus.operator.mirror.TaskRecordMirror;

/**
 * The operator against a real cluster: a demo task runs in a real pod with three stages; cancel
 * stops it. One scenario for both clusters {@link E2eClusters} can start: kind where Docker is, the
 * local control plane elsewhere.
 */
@ExtendWith(RequiresCluster.class)
class TaskLifecycleE2E {
  private static final String IMAGE = E2eClusters.IMAGE;
  private static final String NAMESPACE = "plexus-e2e";
  private static E2eCluster cluster;
  private static PlexusOperator operator;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = E2eClusters.start();
    System.out.println("E2E on " + cluster.describe());
    cluster
        .client()
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .create();
    RunnerIdentity.apply(cluster.client(), NAMESPACE);
    operator =
        PlexusOperator.create(
            cluster.client(),
            OperatorConfig.fromEnv(
                Map.of(
                    "PLEXUS_RUNNER_IMAGE",
                    IMAGE,
                    "PLEXUS_RUNNER_IMAGE_PULL_POLICY",
                    "Never",
                    "PLEXUS_RUNNER_SERVICE_ACCOUNT",
                    RunnerIdentity.NAME)),
            TaskRecordMirror.DISABLED);
    operator.start();
    PlexusWorkerPool pool = new PlexusWorkerPool();
    pool.setMetadata(new ObjectMetaBuilder().withName("e2e-default").build());
    PlexusWorkerPoolSpec spec = new PlexusWorkerPoolSpec();
    spec.setTargets(List.of("*/*"));
    spec.setCommandPrefix("");
    pool.setSpec(spec);
    cluster.client().resource(pool).create();
  }

  @AfterAll
  static void stopCluster() {
    if (operator != null) {
      operator.stop();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void demoTaskCompletesWithThreeStagesInARealPod() {
    create("demo-ok", "plexus-runner demo --seconds 3 --items 50");
    PlexusTask done = awaitPhase("demo-ok", TaskPhase.Succeeded, Duration.ofMinutes(4));
    assertThat(done.getStatus().getStages())
        .hasSize(3)
        .allSatisfy(stage -> assertThat(stage.getStatus()).isEqualTo(StageState.COMPLETED));
    assertThat(done.getStatus().getWorkerNodeId()).isNotBlank();
  }

  @Test
  void cancelStopsTheRunningPod() {
    create("demo-cancel", "plexus-runner demo --seconds 120 --items 50");
    awaitPhase("demo-cancel", TaskPhase.Running, Duration.ofMinutes(4));
    cluster
        .client()
        .resources(PlexusTask.class)
        .inNamespace(NAMESPACE)
        .withName("demo-cancel")
        .edit(
            t -> {
              t.getSpec().setCancel(true);
              t.getSpec().setCancelRequestedBy("e2e");
              return t;
            });
    PlexusTask cancelled = awaitPhase("demo-cancel", TaskPhase.Cancelled, Duration.ofMinutes(2));
    assertThat(cancelled.getStatus().getCancelledBy()).isEqualTo("e2e");
    await().atMost(Duration.ofMinutes(2)).until(() -> jobsOf("demo-cancel").isEmpty());
  }

  private static PlexusTask create(String name, String command) {
    PlexusTask task = new PlexusTask();
    task.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
    PlexusTaskSpec spec = new PlexusTaskSpec();
    spec.setAccountId("e2e");
    spec.setType("demo");
    spec.setTarget("e2e/default");
    spec.setCommand(command);
    task.setSpec(spec);
    return cluster.client().resource(task).create();
  }

  private static PlexusTask awaitPhase(String name, TaskPhase phase, Duration timeout) {
    return await()
        .atMost(timeout)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                cluster
                    .client()
                    .resources(PlexusTask.class)
                    .inNamespace(NAMESPACE)
                    .withName(name)
                    .get(),
            t -> t != null && t.getStatus() != null && t.getStatus().getPhase() == phase);
  }

  private static List<Job> jobsOf(String task) {
    return cluster
        .client()
        .batch()
        .v1()
        .jobs()
        .inNamespace(NAMESPACE)
        .withLabel(PlexusLabels.TASK_NAME, task)
        .list()
        .getItems();
  }
}
