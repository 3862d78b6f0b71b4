package us.anth.plexus.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.StageStatus;
import us.anth.plexus.devkit.EmbeddedDynamo;
import us.anth.plexus.devkit.EmbeddedKubeApi;
import us.anth.plexus.store.TaskRecord;
import us.anth.plexus.store.TaskStageRecord;
import us.anth.plexus.store.TaskStores;

/**
 * A real-shaped {@code plexus} command (the stand-in in test resources) attaches to its Task and
 * reports its own progress: the runner passes {@code --task-id} and PLEXUS_DISPATCH_TASK_ID, writes
 * no stage of its own, leaves the command's status alone, and shows the command's stages in the
 * PlexusTask status.
 */
class PlexusCommandAttachIT {
  @TempDir Path dir;

  @Test
  void commandAttachesAndOwnsItsProgressWhileTheStatusShowsItsStages() throws Exception {
    Path plexus = dir.resolve("plexus");
    try (var in = getClass().getResourceAsStream("/stand-in-plexus/plexus")) {
      Files.copy(Objects.requireNonNull(in), plexus, StandardCopyOption.REPLACE_EXISTING);
    }
    assertThat(plexus.toFile().setExecutable(true)).isTrue();
    try (EmbeddedKubeApi api = EmbeddedKubeApi.start();
        EmbeddedDynamo dynamo = EmbeddedDynamo.start()) {
      PlexusTask task =
          TestTasks.create(
              api.client(),
              TestTasks.randomNamespace(),
              "evaluate accuracy --scorecard 'Agent Scorecard'",
              List.of());
      String taskId = task.getSpec().getTaskId();
      TaskStores stores = TestTasks.withTaskRecord(dynamo, task);
      Map<String, String> env = new HashMap<>(dynamo.settings().toEnv());
      env.put("PLEXUS_COMMAND_PREFIX", plexus.toString());
      env.put("PLEXUS_API_URL", dynamo.settings().endpoint());
      env.put("PLEXUS_API_KEY", "local-key");
      env.put("STAND_IN_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
      env.put("STAND_IN_CLASSPATH", System.getProperty("java.class.path"));
      Path stderr = dir.resolve("stderr.txt");

      Process runner = RunnerProcess.start(api.url(), task, "128m", env, stderr);
      assertThat(runner.waitFor(90, TimeUnit.SECONDS)).as(Files.readString(stderr)).isTrue();
      assertThat(runner.exitValue()).as(Files.readString(stderr)).isZero();
      assertThat(Files.readString(stderr)).contains("reports its own progress");

      TaskRecord record = stores.tasks().find(taskId).orElseThrow();
      assertThat(record.stdout())
          .contains(
              "plexus evaluate accuracy --scorecard Agent Scorecard --task-id "
                  + taskId
                  + " | task "
                  + taskId
                  + " | env "
                  + taskId);
      assertThat(record.status()).as("the command's own status").isEqualTo("COMPLETED");
      assertThat(record.currentStageId()).as("not pointed at a stage of ours").isNull();
      List<TaskStageRecord> stages = stores.stages().listStages(taskId);
      assertThat(stages)
          .as("the command's stages only, no duplicates")
          .extracting(TaskStageRecord::name, TaskStageRecord::status)
          .containsExactlyInAnyOrder(
              tuple("Setup", "COMPLETED"),
              tuple("Processing", "COMPLETED"),
              tuple("Finalizing", "COMPLETED"));

      PlexusTaskStatus status = TestTasks.status(api.client(), task);
      assertThat(status.getStages())
          .extracting(
              StageStatus::getName, s -> s.getStatus().name(), StageStatus::getProcessedItems)
          .containsExactly(
              tuple("Setup", "COMPLETED", null),
              tuple("Processing", "COMPLETED", 3L),
              tuple("Finalizing", "COMPLETED", null));
    }
  }
}
