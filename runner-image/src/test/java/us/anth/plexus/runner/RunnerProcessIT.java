package us.anth.plexus.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.StageDeclaration;
import us.anth.plexus.api.StageState;
import us.anth.plexus.api.StageStatus;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.devkit.EmbeddedKubeApi;

/** {@code RunnerMain run} as a separate JVM against an embedded API server, as in a Job pod. */
class RunnerProcessIT {
  private static EmbeddedKubeApi api;

  @TempDir Path dir;

  @BeforeAll
  static void startApi() {
    api = EmbeddedKubeApi.start();
  }

  @AfterAll
  static void stopApi() {
    api.close();
  }

  private PlexusTask task(String command, List<StageDeclaration> stages) {
    return TestTasks.create(api.client(), TestTasks.randomNamespace(), command, stages);
  }

  private Process runner(PlexusTask task, String heap, Map<String, String> env) throws Exception {
    return RunnerProcess.start(api.url(), task, heap, env, dir.resolve("runner-stderr.txt"));
  }

  private int exitCode(Process runner, Duration within) throws Exception {
    assertThat(runner.waitFor(within.toSeconds(), TimeUnit.SECONDS))
        .as("runner exited; its stderr:\n%s", stderr())
        .isTrue();
    return runner.exitValue();
  }

  private String stderr() throws Exception {
    Path file = dir.resolve("runner-stderr.txt");
    return Files.exists(file) ? Files.readString(file) : "";
  }

  @Test
  void demoTaskLeavesStagesEtaAndFinalFieldsInTheStatus() throws Exception {
    PlexusTask task =
        task(
            "plexus-runner demo --items 300 --seconds 4",
            List.of(
                new StageDeclaration("Initialization", 1, null),
                new StageDeclaration("Processing", 2, 300L),
                new StageDeclaration("Finalizing", 3, null)));
    TestTasks.setOperatorFields(api.client(), task);
    Process runner = runner(task, "128m", Map.of());

    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> processingEta(TestTasks.status(api.client(), task)) != null);
    assertThat(exitCode(runner, Duration.ofSeconds(60))).isZero();

    PlexusTaskStatus status = TestTasks.status(api.client(), task);
    assertThat(status.getStages())
        .extracting(StageStatus::getName, StageStatus::getStatus, StageStatus::getProcessedItems)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Initialization", StageState.COMPLETED, null),
            org.assertj.core.groups.Tuple.tuple("Processing", StageState.COMPLETED, 300L),
            org.assertj.core.groups.Tuple.tuple("Finalizing", StageState.COMPLETED, null));
    assertThat(status.getStages().get(1).getItemsPerSecond()).isPositive();
    assertThat(status.getEstimatedCompletionAt()).isNotBlank();
    assertThat(status.getExitCode()).isZero();
    assertThat(status.getCurrentStage()).isEqualTo("Finalizing");
    assertThat(status.getOutput()).isEqualTo("processed 300 items");
    assertThat(status.getStdoutTail())
        .contains("demo finished: 300 items")
        .doesNotContain("::plexus::");
    assertThat(status.getStdoutBytes()).isGreaterThan(status.getStdoutTail().length());
    assertThat(status.getErrorMessage()).isNull();
    assertThat(status.getErrorDetails()).as("cleared from the previous attempt").isNull();
    assertThat(status.getPhase())
        .as("operator-owned fields are untouched")
        .isEqualTo(TaskPhase.Running);
    assertThat(status.getJobName()).isEqualTo("job-of-task-1");
    assertThat(stderr())
        .as("the pod log names the command as the task gives it, without argv or library noise")
        .contains("[plexus-runner] pod test-pod running plexus-runner demo --items 300 --seconds 4")
        .doesNotContain("<runner classpath>", "unstable version", "SLF4J");
  }

  private static String processingEta(PlexusTaskStatus status) {
    return status.getStages() == null
        ? null
        : status.getStages().stream()
            .filter(s -> s.getName().equals("Processing"))
            .findFirst()
            .map(StageStatus::getEstimatedCompletionAt)
            .orElse(null);
  }

  @Test
  void demoFailureFailsTheStageWithTheCommandsMessage() throws Exception {
    PlexusTask task = task("plexus-runner demo --items 100 --seconds 1 --fail-at 40", List.of());
    Process runner = runner(task, "128m", Map.of());
    assertThat(exitCode(runner, Duration.ofSeconds(60))).isEqualTo(1);

    PlexusTaskStatus status = TestTasks.status(api.client(), task);
    assertThat(status.getExitCode()).isEqualTo(1);
    assertThat(status.getErrorMessage()).isEqualTo("demo failure at item 40");
    assertThat(status.getErrorDetails()).contains("error: demo failure at item 40");
    StageStatus processing = status.getStages().get(1);
    assertThat(processing.getStatus()).isEqualTo(StageState.FAILED);
    assertThat(processing.getStatusMessage()).isEqualTo("Error: demo failure at item 40");
    assertThat(processing.getProcessedItems()).isEqualTo(39L);
  }

  @Test
  void sigtermEndsACommandThatIgnoresItAfterTheGracePeriod() throws Exception {
    Path pidFile = dir.resolve("child.pid");
    Path script = RunnerProcess.stubbornScript(dir);
    PlexusTask task = task("python3 " + script + " " + pidFile, List.of());
    Process runner = runner(task, "128m", Map.of("PLEXUS_KILL_GRACE_SECONDS", "2"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "ready\n".equals(TestTasks.status(api.client(), task).getStdoutTail()));

    TestTasks.setErrorMessage(api.client(), task, "Cancelled by tester"); // as the operator does
    long start = System.nanoTime();
    runner.destroy();
    assertThat(exitCode(runner, Duration.ofSeconds(30))).isEqualTo(143);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(took)
        .isGreaterThanOrEqualTo(Duration.ofSeconds(2))
        .isLessThan(Duration.ofSeconds(15));
    for (long pid : RunnerProcess.pids(pidFile)) {
      await().atMost(Duration.ofSeconds(5)).until(() -> !Processes.running(pid));
    }

    PlexusTaskStatus status = TestTasks.status(api.client(), task);
    assertThat(status.getErrorMessage())
        .as("the runner does not know why it was terminated; the operator's message stays")
        .isEqualTo("Cancelled by tester");
    assertThat(status.getExitCode()).isEqualTo(143);
    assertThat(status.getStdoutTail()).isEqualTo("ready\n");
    assertThat(stderr()).contains("ignored SIGTERM for 2s; killed it");
  }

  @Test
  void unbalancedQuotesExit126WithoutStartingAProcess() throws Exception {
    Path marker = dir.resolve("must-not-exist");
    PlexusTask task = task("touch " + marker + " 'unclosed", List.of());
    Process runner = runner(task, "128m", Map.of());
    assertThat(exitCode(runner, Duration.ofSeconds(30))).isEqualTo(126);

    PlexusTaskStatus status = TestTasks.status(api.client(), task);
    assertThat(status.getExitCode()).isEqualTo(126);
    assertThat(status.getErrorMessage())
        .startsWith("cannot parse command: unterminated single quote at position");
    assertThat(marker).doesNotExist();
  }

  @Test
  void missingExecutableExits127() throws Exception {
    PlexusTask task = task("no-such-plexus-cli evaluate", List.of());
    assertThat(exitCode(runner(task, "128m", Map.of()), Duration.ofSeconds(30))).isEqualTo(127);
    assertThat(TestTasks.status(api.client(), task).getErrorMessage())
        .isEqualTo("executable not found: no-such-plexus-cli");
  }

  @Test
  void twoHundredMegabytesStreamThroughA64MegabyteHeap() throws Exception {
    Path script =
        RunnerProcess.script(
            dir,
            "flood.py",
            """
            import sys
            block = (b"x" * 63 + b"\\n") * 16384
            for _ in range(200):
                sys.stdout.buffer.write(block)
            sys.stdout.buffer.flush()
            sys.stderr.write("flood done\\n")
            """);
    PlexusTask task = task("python3 " + script, List.of());
    Process runner = runner(task, "64m", Map.of());
    assertThat(exitCode(runner, Duration.ofSeconds(120))).isZero();

    PlexusTaskStatus status = TestTasks.status(api.client(), task);
    assertThat(status.getStdoutBytes()).isEqualTo(200L * 1024 * 1024);
    assertThat(status.getStdoutTail()).hasSize(16 * 1024).endsWith("x\n");
    assertThat(status.getStderrTail()).isEqualTo("flood done\n");
    assertThat(status.getExitCode()).isZero();
  }

  @Test
  void anUnreachableApiNeitherFailsNorHangsTheCommand() throws Exception {
    EmbeddedKubeApi doomed = EmbeddedKubeApi.start();
    PlexusTask task =
        TestTasks.create(
            doomed.client(),
            TestTasks.randomNamespace(),
            "python3 -c \"import time; print('started', flush=True); time.sleep(3)\"",
            List.of());
    Process runner =
        RunnerProcess.start(
            doomed.url(),
            task,
            "128m",
            Map.of("PLEXUS_STATUS_FLUSH_SECONDS", "2"),
            dir.resolve("runner-stderr.txt"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "started\n".equals(TestTasks.status(doomed.client(), task).getStdoutTail()));
    doomed.close();

    assertThat(exitCode(runner, Duration.ofSeconds(20))).isZero();
    assertThat(stderr())
        .contains("kubernetes: writing state")
        .contains("the final state was NOT written")
        .contains("finished: exit 0");
  }
}
