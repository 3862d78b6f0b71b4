package us.anth.plexus.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;
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
      PlexusTask task = TestTasks.demo(api.client());
      String taskId = task.getSpec().getTaskId();
      TaskStores stores = TestTasks.withTaskRecord(dynamo, task);
      Path stderr = dir.resolve("stderr.txt");

      assertThat(RunnerProcess.runToEnd(api.url(), task, dynamo.settings().toEnv(), stderr))
          .as(Files.readString(stderr))
          .isZero();

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
      assertThat(record.output())
          .as("Plexus's Universal Code document of the declared output")
          .startsWith("# Command Execution Task Output")
          .contains("output: processed 200 items");
      assertThat(record.error()).isNull();
      assertThat(record.stdout()).contains("demo finished: 200 items").doesNotContain("::plexus::");
      assertThat(record.errorMessage()).isNull();
      assertThat(record.status()).as("the operator owns status").isEqualTo("PENDING");

      PlexusTaskStatus status = TestTasks.status(api.client(), task);
      assertThat(status.getStdoutTail()).isEqualTo(record.stdout());
      assertThat(status.getOutput()).isEqualTo("processed 200 items");
      assertThat(stages).hasSameSizeAs(status.getStages());
      for (int i = 0; i < stages.size(); i++) {
        assertAgree(status.getStages().get(i), stages.get(i));
      }
    }
  }

  /**
   * A failing command with about 1.2 MB of stdout and 500 KB of stderr: without the record budget
   * the streams plus the error document (which repeats both) would be refused by DynamoDB's 400 KB
   * item limit. The item stays under it; each stream keeps its tail after a line saying what was
   * cut; the error document holds what Plexus's worker puts there.
   */
  @Test
  void largeOutputOfAFailedCommandKeepsTheItemUnderDynamoDbsLimit() throws Exception {
    try (EmbeddedKubeApi api = EmbeddedKubeApi.start();
        EmbeddedDynamo dynamo = EmbeddedDynamo.start()) {
      String command =
          "bash -c 'for i in $(seq 1 20000); do echo \"line $i of the evaluation log,"
              + " padded ...........................\"; done;"
              + " head -c 500000 /dev/zero | tr \"\\000\" E >&2; echo >&2; echo last error >&2;"
              + " exit 1'";
      PlexusTask task =
          TestTasks.create(api.client(), TestTasks.randomNamespace(), command, List.of());
      String taskId = task.getSpec().getTaskId();
      TaskStores stores = TestTasks.withTaskRecord(dynamo, task);
      Path stderr = dir.resolve("stderr.txt");

      assertThat(RunnerProcess.runToEnd(api.url(), task, dynamo.settings().toEnv(), stderr))
          .as(Files.readString(stderr))
          .isEqualTo(1);

      TaskRecord record = stores.tasks().find(taskId).orElseThrow();
      assertThat(record.stdout())
          .as(Files.readString(stderr))
          .startsWith("[plexus-runner: the first ")
          .contains("bytes were cut to keep the Task record under DynamoDB's 400 KB item limit]")
          .endsWith("line 20000 of the evaluation log, padded ...........................\n");
      assertThat(record.stderr()).startsWith("[plexus-runner: the first ").endsWith("last error\n");
      assertThat(record.output()).as("no output after a failure, as Plexus's worker").isNull();
      assertThat(record.error())
          .as("Plexus detects the type from the command: it says evaluation")
          .startsWith("# Evaluation (Failed) Task Output")
          .contains("status: error", "error_message: command exited with code 1", "exit_code: 1");
      assertThat(record.errorMessage()).isEqualTo("command exited with code 1");
      long itemBytes =
          ItemSize.of(
              dynamo
                  .client()
                  .getItem(
                      r ->
                          r.tableName(dynamo.settings().taskTable())
                              .key(java.util.Map.of("id", AttributeValue.fromS(taskId))))
                  .item());
      assertThat(itemBytes)
          .isLessThan(us.anth.plexus.runner.publish.RecordOutputs.ITEM_LIMIT_BYTES)
          .isGreaterThan(250 * 1024);
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
