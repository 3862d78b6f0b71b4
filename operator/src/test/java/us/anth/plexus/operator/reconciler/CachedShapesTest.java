package us.anth.plexus.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusLabels;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.api.job.JobContract;
import us.anth.plexus.operator.OperatorConfig;
import us.anth.plexus.operator.model.AttemptEntries;
import us.anth.plexus.operator.model.JobBuilder;
import us.anth.plexus.operator.model.JobEnv;
import us.anth.plexus.operator.model.JobStates;
import us.anth.plexus.operator.model.PhaseResolver;
import us.anth.plexus.operator.model.QueueOrder;
import us.anth.plexus.operator.model.StageEnding;
import us.anth.plexus.operator.testing.TestPools;
import us.anth.plexus.operator.testing.TestTasks;

/** The pruned Jobs and pods the informers keep read as the full ones do, without their specs. */
class CachedShapesTest {
  private static final Instant NOW = Instant.parse("2026-12-01T11:00:00Z");

  private final PlexusTask task =
      TestTasks.builder()
          .namespace("ns")
          .name("t")
          .uid("u-1")
          .command("train --epochs 3")
          .taskId("id-7")
          .build();

  /** A Job as the API server returns it (queued when suspended), with managedFields and owner. */
  private Job job(boolean suspended) {
    Job job =
        QueueOrder.stamped(
            JobBuilder.build(
                task, TestPools.pool("gpu", "*/*"), OperatorConfig.defaults(), suspended),
            Instant.parse("2026-12-01T10:00:00.000001Z"));
    job.getMetadata().setUid("job-uid");
    job.getMetadata().setResourceVersion("42");
    job.getMetadata().setCreationTimestamp("2026-12-01T10:00:00Z");
    job.getMetadata()
        .setManagedFields(List.of(new ManagedFieldsEntryBuilder().withManager("op").build()));
    job.getMetadata()
        .setOwnerReferences(List.of(new OwnerReferenceBuilder().withName("t").build()));
    job.setStatus(new io.fabric8.kubernetes.api.model.batch.v1.JobStatus());
    job.getStatus().setStartTime("2026-12-01T10:00:01Z");
    job.getStatus()
        .setConditions(
            List.of(
                new JobConditionBuilder()
                    .withType("Suspended")
                    .withStatus(suspended ? "True" : "False")
                    .withLastTransitionTime("2026-12-01T10:00:01Z")
                    .build()));
    return job;
  }

  /** A pod of the Job that cannot start (its image cannot be pulled), spec and all. */
  private Pod pod(String name, String created) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("ns")
        .withUid(name + "-uid")
        .withResourceVersion("7")
        .withCreationTimestamp(created)
        .withLabels(Map.of("batch.kubernetes.io/job-name", "j", PlexusLabels.TASK_NAME, "t"))
        .withFinalizers("batch.kubernetes.io/job-tracking")
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName(JobContract.CONTAINER)
        .withImage("runner:1")
        .addNewEnv()
        .withName("SECRET_REF")
        .withValue("x")
        .endEnv()
        .endContainer()
        .endSpec()
        .withNewStatus()
        .withPhase("Pending")
        .withStartTime(created)
        .withContainerStatuses(
            new ContainerStatusBuilder()
                .withName(JobContract.CONTAINER)
                .withNewState()
                .withNewWaiting()
                .withReason("ImagePullBackOff")
                .withMessage("no such image")
                .endWaiting()
                .endState()
                .build())
        .endStatus()
        .build();
  }

  @Test
  void aPrunedJobKeepsWhatSlotsQueueOrderPhaseAndSpecCheckRead() {
    Job full = job(true);
    Job pruned = CachedShapes.job(Serialization.clone(full));

    assertThat(PoolSlot.indexKeys(pruned)).isEqualTo(PoolSlot.indexKeys(full)).isNotEmpty();
    assertThat(JobStates.isQueued(pruned)).isTrue();
    assertThat(QueueOrder.key(pruned)).isEqualTo(QueueOrder.key(full));
    assertThat(TaskMappers.owningTask(pruned)).isEqualTo(TaskMappers.owningTask(full));
    List<Pod> pods = List.of(pod("p1", "2026-12-01T10:00:02Z"));
    assertThat(PhaseResolver.resolve(pruned, pods, TaskPhase.Pending))
        .isEqualTo(PhaseResolver.resolve(full, pods, TaskPhase.Pending));
    assertThat(pruned.getMetadata().getUid()).isEqualTo("job-uid");
    assertThat(pruned.getMetadata().getResourceVersion()).isEqualTo("42");
    assertThat(pruned.getSpec().getActiveDeadlineSeconds())
        .isEqualTo(full.getSpec().getActiveDeadlineSeconds());

    List<EnvVar> env = pruned.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
    Map<String, String> fullEnv =
        JobEnv.asMap(full.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv());
    assertThat(JobEnv.asMap(env))
        .containsEntry(JobContract.ENV_COMMAND, fullEnv.get(JobContract.ENV_COMMAND))
        .containsEntry(JobContract.ENV_TARGET, fullEnv.get(JobContract.ENV_TARGET))
        .containsEntry(JobContract.ENV_TASK_ID, "id-7")
        .hasSize(CachedShapes.JOB_ENV_READ.size());
    assertThat(fullEnv.size()).isGreaterThan(env.size());
    assertThat(pruned.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isNull();
    assertThat(pruned.getMetadata().getManagedFields()).isEmpty();
    assertThat(pruned.getMetadata().getOwnerReferences()).isEmpty();
  }

  @Test
  void aPrunedPodKeepsItsStatusAndIdentityAndLosesItsSpec() {
    Job job = job(false);
    Pod first = pod("p1", "2026-12-01T10:00:02Z");
    Pod second = pod("p2", "2026-12-01T10:00:09Z");
    List<Pod> full = List.of(first, second);
    List<Pod> pruned =
        List.of(
            CachedShapes.pod(Serialization.clone(first)),
            CachedShapes.pod(Serialization.clone(second)));

    assertThat(pruned).allSatisfy(p -> assertThat(p.getSpec()).isNull());
    assertThat(PhaseResolver.resolve(job, pruned, TaskPhase.Running))
        .isEqualTo(PhaseResolver.resolve(job, full, TaskPhase.Running));
    assertThat(PhaseResolver.resolve(job, pruned, TaskPhase.Running).startProblem()).isNotNull();
    assertThat(Serialization.asJson(AttemptEntries.of(pruned, NOW)))
        .isEqualTo(Serialization.asJson(AttemptEntries.of(full, NOW)));
    assertThat(StageEnding.runnerMayStillWrite(pruned))
        .isEqualTo(StageEnding.runnerMayStillWrite(full));
    assertThat(TaskMappers.owningTask(pruned.get(0))).isEqualTo(TaskMappers.owningTask(first));
    assertThat(pruned.get(0).getMetadata().getLabels()).isEqualTo(first.getMetadata().getLabels());
    assertThat(pruned.get(0).getMetadata().getFinalizers()).isEmpty();
  }
}
