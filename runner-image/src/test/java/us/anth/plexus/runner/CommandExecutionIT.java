package us.anth.plexus.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.anth.plexus.api.StageState;
import us.anth.plexus.runner.progress.StageSnapshot;
import us.anth.plexus.runner.publish.TaskRef;
import us.anth.plexus.runner.publish.TaskSnapshot;

/** Real processes run by {@link CommandExecution}, in this JVM, without Kubernetes. */
class CommandExecutionIT {
  @TempDir Path dir;

  private final TaskRun run =
      new TaskRun(new TaskRef("ns", "t", "id"), List.of(), 4096, Clock.systemUTC(), line -> {});

  private RunResult execute(Duration timeout, String command) throws Exception {
    return new CommandExecution(run, timeout, Duration.ofSeconds(1), line -> {})
        .execute(CommandArgv.of("", command));
  }

  @Test
  void shellScriptReportsStagesThroughMarkersKeptOutOfTheTails() throws Exception {
    Path script =
        RunnerProcess.script(
            dir,
            "stages.sh",
            """
            #!/bin/sh
            echo '::plexus:: {"event":"stage","stage":"Loading","message":"reading"}'
            echo "loading data"
            echo '::plexus:: {"event":"stage","stage":"Scoring","total":3}'
            for i in 1 2 3; do
              echo "::plexus:: {\\"event\\":\\"progress\\",\\"processed\\":$i}"
              echo "scored $i"
            done
            echo "warning: slow" >&2
            """);
    RunResult result = execute(null, "sh " + script);

    TaskSnapshot snapshot = run.snapshot();
    assertThat(result.exitCode()).isZero();
    assertThat(snapshot.status()).isEqualTo(StageState.COMPLETED);
    assertThat(snapshot.stages())
        .extracting(StageSnapshot::name, StageSnapshot::status, StageSnapshot::processedItems)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Loading", StageState.COMPLETED, null),
            org.assertj.core.groups.Tuple.tuple("Scoring", StageState.COMPLETED, 3L));
    assertThat(snapshot.stdoutTail()).isEqualTo("loading data\nscored 1\nscored 2\nscored 3\n");
    assertThat(snapshot.stderrTail()).isEqualTo("warning: slow\n");
    assertThat(snapshot.stdoutBytes()).isGreaterThan(snapshot.stdoutTail().length());
  }

  @Test
  void pythonScriptReportsThroughTheProgressFile() throws Exception {
    Path script =
        RunnerProcess.script(
            dir,
            "progress.py",
            """
            import json, os
            with open(os.environ["PLEXUS_PROGRESS_FILE"], "a") as f:
                def report(**event):
                    f.write(json.dumps(event) + "\\n")
                    f.flush()
                report(event="stage", stage="Evaluating", total=10)
                for i in range(1, 11):
                    print("item", i, flush=True)
                    report(event="progress", processed=i, message="item %d" % i)
                report(event="output", output='{"accuracy": 0.9}')
            """);
    RunResult result = execute(null, "python3 " + script);

    TaskSnapshot snapshot = run.snapshot();
    assertThat(result.exitCode()).isZero();
    assertThat(snapshot.stages())
        .singleElement()
        .satisfies(
            stage -> {
              assertThat(stage.name()).isEqualTo("Evaluating");
              assertThat(stage.processedItems()).isEqualTo(10L);
              assertThat(stage.statusMessage()).isEqualTo("item 10");
            });
    assertThat(snapshot.output()).isEqualTo("{\"accuracy\": 0.9}");
    assertThat(snapshot.stdoutTail()).startsWith("item 1\n").endsWith("item 10\n");
  }

  @Test
  void nonZeroExitFailsTheRunningStageWithTheExitCodeAndStderr() throws Exception {
    RunResult result =
        execute(
            null,
            "python3 -c \"import sys; print('::plexus:: {\\\"event\\\":\\\"stage\\\","
                + "\\\"stage\\\":\\\"Work\\\"}'); sys.stderr.write('bad input\\n'); sys.exit(3)\"");

    TaskSnapshot snapshot = run.snapshot();
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(snapshot.exitCode()).isEqualTo(3);
    assertThat(snapshot.errorMessage()).isEqualTo("command exited with code 3");
    assertThat(snapshot.errorDetails()).isEqualTo("bad input\n");
    assertThat(snapshot.stages())
        .singleElement()
        .satisfies(
            stage -> {
              assertThat(stage.status()).isEqualTo(StageState.FAILED);
              assertThat(stage.statusMessage()).isEqualTo("Error: command exited with code 3");
            });
  }

  @Test
  void missingExecutableExits127AndUnrunnableFileExits126() throws Exception {
    assertThat(execute(null, "no-such-program-plexus --flag"))
        .isEqualTo(new RunResult(127, "executable not found: no-such-program-plexus", null));

    Path notExecutable = dir.resolve("plain.txt");
    Files.writeString(notExecutable, "just text");
    RunResult result = execute(null, notExecutable.toString());
    assertThat(result.exitCode()).isEqualTo(126);
    assertThat(result.errorMessage()).startsWith("cannot start " + notExecutable);
  }

  @Test
  void shellSyntaxReachesTheProgramAsLiteralArguments() throws Exception {
    RunResult result = execute(null, "printf '[%s]\\n' ; rm -rf / $(id) `id` '&&' \"$HOME\"");
    assertThat(result.exitCode()).isZero();
    assertThat(run.snapshot().stdoutTail())
        .isEqualTo("[;]\n[rm]\n[-rf]\n[/]\n[$(id)]\n[`id`]\n[&&]\n[$HOME]\n");
  }

  @Test
  void deadlineKillsATreeThatIgnoresSigtermAfterTheGracePeriod() throws Exception {
    Path pidFile = dir.resolve("pids");
    Path script = RunnerProcess.stubbornScript(dir);
    long start = System.nanoTime();
    RunResult result = execute(Duration.ofSeconds(2), "python3 " + script + " " + pidFile);

    assertThat(result.exitCode()).isEqualTo(RunResult.TIMED_OUT);
    assertThat(result.errorMessage()).isEqualTo("timed out after 2s");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    for (long pid : RunnerProcess.pids(pidFile)) {
      await().atMost(Duration.ofSeconds(5)).until(() -> !Processes.running(pid));
    }
    assertThat(run.snapshot().stdoutTail()).isEqualTo("ready\n");
  }

  @Test
  void terminateEndsWith143AndLeavesTheErrorMessageToTheOperator() throws Exception {
    Path script =
        RunnerProcess.script(
            dir,
            "long.sh",
            """
            #!/bin/sh
            echo '::plexus:: {"event":"stage","stage":"Work"}'
            echo "half way" >&2
            exec sleep 60
            """);
    CommandExecution execution = new CommandExecution(run, null, Duration.ofSeconds(1), line -> {});
    Thread stopper =
        new Thread(
            () -> {
              await()
                  .atMost(Duration.ofSeconds(20))
                  .until(() -> run.snapshot().stderrTail().equals("half way\n"));
              execution.terminate();
            });
    stopper.start();
    RunResult result = execution.execute(CommandArgv.of("", "sh " + script));
    stopper.join(5000);

    assertThat(result).isEqualTo(new RunResult(143, null, "half way\n"));
    TaskSnapshot snapshot = run.snapshot();
    assertThat(snapshot.exitCode()).isEqualTo(143);
    assertThat(snapshot.errorMessage()).as("the operator knows why; the runner does not").isNull();
    assertThat(snapshot.errorDetails()).isEqualTo("half way\n");
    assertThat(snapshot.leavesErrorMessageToOperator()).isTrue();
    assertThat(snapshot.stages())
        .singleElement()
        .satisfies(
            stage -> {
              assertThat(stage.status()).isEqualTo(StageState.FAILED);
              assertThat(stage.statusMessage()).isEqualTo("Error: terminated");
            });
  }
}
