package us.anth.plexus.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static us.anth.plexus.operator.testing.OperatorHarness.eventually;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.StageDeclaration;
import us.anth.plexus.api.StageStatus;
import us.anth.plexus.operator.testing.MirroredOperator;
import us.anth.plexus.operator.testing.OperatorHarness;
import us.anth.plexus.operator.testing.TestPools;
import us.anth.plexus.operator.testing.TestTasks;
import us.anth.plexus.store.NewTask;
import us.anth.plexus.store.StageUpdate;
import us.anth.plexus.store.TaskRecordStore;
import us.anth.plexus.store.TaskStageRecord;
import us.anth.plexus.store.TaskStageStore;
import us.anth.plexus.store.TaskStatus;
import us.anth.plexus.store.WriteResult;

/**
 * Stages declared in spec.stages exist as PENDING from dispatch, before any runner starts: in the
 * PlexusTask status (already when the Job is created) and as TaskStage records, which the runner's
 * first numbered write then takes over.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeclaredStagesIT {
  private MirroredOperator operator;
  private OperatorHarness harness;
  private TaskStageStore stages;

  @BeforeAll
  void start() {
    operator = MirroredOperator.start();
    harness = operator.harness();
    stages = new TaskStageStore(operator.dynamo().client(), operator.dynamo().settings());
  }

  @AfterAll
  void stop() {
    operator.close();
  }

  @Test
  void declaredStagesArePendingInTheStatusAndTheRecordsBeforeTheRunnerStarts() {
    String ns = harness.newNamespace();
    harness.createPool(TestPools.pool(ns + "-p", ns + "/*"));
    String taskId = UUID.randomUUID().toString();
    new TaskRecordStore(operator.dynamo().client(), operator.dynamo().settings())
        .createTask(taskId, NewTask.of("acct-1", "demo", ns + "/x", "demo --seconds 1"));
    harness.createTask(
        TestTasks.builder()
            .namespace(ns)
            .name("declared")
            .target(ns + "/x")
            .taskId(taskId)
            .stages(
                new StageDeclaration("Setup", 1, null),
                new StageDeclaration("Processing", 2, 40L),
                new StageDeclaration("Finalizing", 3, null))
            .buildNew());

    Job job = eventually().until(() -> harness.jobOf(ns, "declared"), j -> j != null);
    PlexusTaskStatus status = harness.status(ns, "declared");
    assertThat(job).isNotNull();
    assertThat(status.getStages())
        .as("written before the Job existed, no runner has run")
        .extracting(
            StageStatus::getName,
            StageStatus::getOrder,
            s -> s.getStatus().name(),
            StageStatus::getTotalItems)
        .containsExactly(
            tuple("Setup", 1, "PENDING", null),
            tuple("Processing", 2, "PENDING", 40L),
            tuple("Finalizing", 3, "PENDING", null));
    assertThat(stages.listStages(taskId))
        .extracting(
            TaskStageRecord::name,
            TaskStageRecord::order,
            TaskStageRecord::status,
            TaskStageRecord::totalItems)
        .containsExactly(
            tuple("Setup", 1L, "PENDING", null),
            tuple("Processing", 2L, "PENDING", 40L),
            tuple("Finalizing", 3L, "PENDING", null));

    long runnerSeq = System.currentTimeMillis() * 1000;
    assertThat(stages.upsert(StageUpdate.of(taskId, "Setup", 1, TaskStatus.RUNNING, runnerSeq)))
        .as("the runner's first write applies over the declared record")
        .isEqualTo(WriteResult.APPLIED);
    assertThat(stages.listStages(taskId).get(0).status()).isEqualTo("RUNNING");
  }
}
