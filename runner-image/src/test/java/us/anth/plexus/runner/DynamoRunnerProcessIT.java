package us.anth.plexus.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.StageDeclaration;
import us.anth.plexus.api.StageStatus;
import us.anth.plexus.devkit.EmbeddedDynamo;
import us.anth.plexus.devkit.EmbeddedKubeApi;
import us.anth.plexus.store.TaskRecord;
import us.anth.plexus.store.TaskStageRecord;
import us.anth.plexus.store.TaskStageStore;
import us.anth.plexus.store.TaskStores;

/** A runner process with PLEXUS_DYNAMODB_* set writes the dashboard's records as it goes. */
class DynamoRunnerProcessIT {
  @TempDir Path dir;

  @Test
  void demoLeavesTaskStagesAndTaskFieldsThatAgreeWithTheStatus() throws Exception {
    try (EmbeddedKubeApi api = EmbeddedKubeApi.start();
        EmbeddedDynamo dynamo = EmbeddedDynamo.start()) {
      PlexusTask task =
          TestTasks.create(
              api.client(),
              TestTasks.randomNamespace(),
              "plexus-runner demo --items 200 --seconds 2",
              List.of(
                  new StageDeclaration("Initialization", 1, null),
                  new StageDeclaration("Processing", 2, 200L),
                  new StageDeclaration("Finalizing", 3, null)));
      String taskId = task.getSpec().getTaskId();
      TaskStores stores = TestTasks.withTaskRecord(dynamo, task);
      Path stderr = dir.resolve("stderr.txt");

      Process runner =
          RunnerProcess.start(api.url(), task, "128m", dynamo.settings().toEnv(), stderr);
      assertThat(runner.waitFor(60, TimeUnit.SECONDS)).as(Files.readString(stderr)).isTrue();
      assertThat(runner.exitValue()).as(Files.readString(stderr)).isZero();

      List<TaskStageRecord> stages = stores.stages().listStages(taskId);
      assertThat(stages)
          .extracting(
              TaskStageRecord::name,
              TaskStageRecord::order,
              TaskStageRecord::status,
              TaskStageRecord::processedItems,
              TaskStageRecord::totalItems)
          .containsExactly(
              tuple("Initialization", 1L, "COMPLETED", null, null),
              tuple("Processing", 2L, "COMPLETED", 200L, 200L),
              tuple("Finalizing", 3L, "COMPLETED", null, null));
      assertThat(stages).allSatisfy(s -> assertThat(s.taskId()).isEqualTo(taskId));
      assertThat(stages)
          .extracting(TaskStageRecord::id)
          .containsExactly(
              TaskStageStore.stageId(taskId, "Initialization"),
              TaskStageStore.stageId(taskId, "Processing"),
              TaskStageStore.stageId(taskId, "Finalizing"));

      TaskRecord record = stores.tasks().find(taskId).orElseThrow();
      assertThat(record.currentStageId()).isEqualTo(TaskStageStore.stageId(taskId, "Finalizing"));
      assertThat(record.output()).isEqualTo("processed 200 items");
      assertThat(record.stdout()).contains("demo finished: 200 items").doesNotContain("::plexus::");
      assertThat(record.errorMessage()).isNull();
      assertThat(record.status()).as("the operator owns status").isEqualTo("PENDING");

      PlexusTaskStatus status = TestTasks.status(api.client(), task);
      assertThat(status.getStdoutTail()).isEqualTo(record.stdout());
      assertThat(stages).hasSameSizeAs(status.getStages());
      for (int i = 0; i < stages.size(); i++) {
        assertAgree(status.getStages().get(i), stages.get(i));
      }
    }
  }

  private static void assertAgree(StageStatus cr, TaskStageRecord dynamo) {
    assertThat(dynamo.name()).isEqualTo(cr.getName());
    assertThat(dynamo.order()).isEqualTo(cr.getOrder().longValue());
    assertThat(dynamo.status()).isEqualTo(cr.getStatus().name());
    assertThat(dynamo.processedItems()).isEqualTo(cr.getProcessedItems());
    assertThat(dynamo.totalItems()).isEqualTo(cr.getTotalItems());
    assertThat(Instant.parse(dynamo.startedAt())).isEqualTo(Instant.parse(cr.getStartedAt()));
    assertThat(Instant.parse(dynamo.completedAt())).isEqualTo(Instant.parse(cr.getCompletedAt()));
  }
}
