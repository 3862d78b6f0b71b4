package us.anth.plexus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.PlexusWorkerPoolSpec;
import us.anth.plexus.api.StageState;
import us.anth.plexus.api.StageStatus;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.devkit.Kubectl;
import us.anth.plexus.store.TaskRecord;
import us.anth.plexus.store.TaskRecordStore;
import us.anth.plexus.store.TaskStageRecord;
import us.anth.plexus.store.TaskStageStore;

/** The whole loop in one JVM: plexusctl → PlexusTask → operator → Job → local runner → statuses. */
class FullLoopIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension static final DevStackFixture dev = DevStackFixture.perClass();
  private static TaskRecordStore tasks;
  private static TaskStageStore stages;

  @BeforeAll
  static void stores() {
    tasks = dev.records();
    stages = dev.stages();
  }

  @Test
  void scriptWithProgressMarkersCompletesInTheCrAndDynamoDb() throws Exception {
    Path script = dev.dir().resolve("score.sh");
    Files.writeString(
        script,
        String.join(
            "\n",
            "echo '::plexus:: {\"event\":\"stage\",\"stage\":\"Load\",\"order\":1,\"message\":\"loading\"}'",
            "echo '::plexus:: {\"event\":\"stage\",\"stage\":\"Score\",\"order\":2,\"processed\":0,\"total\":3}'",
            "for i in 1 2 3; do echo \"::plexus:: {\\\"event\\\":\\\"progress\\\",\\\"processed\\\":$i,\\\"total\\\":3}\"; sleep 0.2; done",
            "echo scored 3 items",
            ""));

    DevStackFixture.Run run =
        dev.run("dispatch", "bash " + script, "--wait", "--type", "script", "--account", "acct-it");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("scored 3 items", "Phase:      Succeeded");
    PlexusTask task = onlyTaskOfType("script");
    assertThat(stageSummary(task.getStatus().getStages()))
        .containsExactly("Load:COMPLETED:null/null", "Score:COMPLETED:3/3");
    assertDynamoAgrees(task, "COMPLETED");
    assertThat(tasks.find(task.getSpec().getTaskId()).orElseThrow().stdout())
        .contains("scored 3 items");
    String name = task.getMetadata().getName();
    assertThat(dev.run("logs", name).out()).contains("scored 3 items").doesNotContain("::plexus::");
    assertThat(dev.run("logs", "--raw", name).out()).contains("::plexus:: {\"event\":\"stage\"");
  }

  @Test
  void clientCommandsShowTasksLogsAndOneLineErrors() {
    assertThat(
            dev.run("dispatch", "echo hello from the log", "--wait", "--type", "echoer").exitCode())
        .isZero();
    String name = onlyTaskOfType("echoer").getMetadata().getName();

    assertThat(dev.run("logs", name).out()).contains("hello from the log");
    assertThat(dev.run("status", name).out())
        .contains("Phase:      Succeeded", "Pool:       dev-default");
    assertThat(dev.run("status", name, "-o", "json").out()).contains("\"phase\" : \"Succeeded\"");
    assertThat(dev.run("list", "--type", "echoer", "--status", "COMPLETED").out())
        .contains(name, "Succeeded");
    assertThat(dev.run("list", "--type", "echoer", "--status", "FAILED").out())
        .contains("No tasks found");

    DevStackFixture.Run missing = dev.run("status", "no-such-task");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err().strip())
        .isEqualTo(
            "error: task 'no-such-task' not found in namespace default (by name or task id)");
  }

  @Test
  void logsFollowStreamsEachLineOnceAndEndsWithTheTask() {
    String script = "bash -c 'for i in $(seq 1 40); do echo line $i; sleep 0.05; done'";
    assertThat(dev.run("dispatch", script, "--type", "follower").exitCode()).isZero();
    String name = onlyTaskOfType("follower").getMetadata().getName();

    DevStackFixture.Run follow = dev.run("logs", "-f", name);

    assertThat(follow.exitCode()).as(follow.err()).isZero();
    assertThat(follow.out().lines().filter(l -> l.startsWith("line ")))
        .containsExactlyElementsOf(
            java.util.stream.IntStream.rangeClosed(1, 40).mapToObj(i -> "line " + i).toList());
    assertThat(TaskViews.phase(Tasks.reload(dev.stack.client(), onlyTaskOfType("follower"))))
        .isEqualTo("Succeeded");
  }

  @Test
  void approvalGatedTaskIsRefusedWhereNoAdmissionPolicyCanVouchForTheApprover() {
    PlexusWorkerPoolSpec spec = new PlexusWorkerPoolSpec();
    spec.setTargets(List.of("secure/*"));
    spec.setCommandPrefix("");
    spec.setApprovalRequiredFor(List.of("echo approved"));
    PlexusWorkerPool pool = new PlexusWorkerPool();
    pool.setMetadata(new ObjectMetaBuilder().withName("guarded").build());
    pool.setSpec(spec);
    dev.stack.client().resource(pool).create();

    assertThat(
            dev.run("dispatch", "echo approved run", "--target", "secure/zone", "--type", "gated")
                .exitCode())
        .isZero();
    PlexusTask task = onlyTaskOfType("gated");
    awaitPhase(task, TaskPhase.AwaitingApproval);
    assertThat(TaskViews.readyReason(Tasks.reload(dev.stack.client(), task)))
        .isEqualTo("ApprovalPolicyMissing");

    // the dev stack's API answers no SelfSubjectReview: nobody can be named as the approver
    DevStackFixture.Run approve = dev.run("approve", task.getMetadata().getName());
    assertThat(approve.exitCode()).isEqualTo(1);
    assertThat(approve.err()).contains("cannot learn your Kubernetes username").hasLineCount(1);
    assertThat(Tasks.reload(dev.stack.client(), task).getSpec().getApproval()).isNull();

    DevStackFixture.Run status = dev.run("status", task.getMetadata().getName());
    assertThat(status.out())
        .containsPattern("(?m)^Risk: +Destructive$")
        .containsPattern(
            "(?m)^Approval: +required from Destructive \\(rule 'echo approved \\*'\\)$");
  }

  @Test
  void demoCompletesWithThreeStages() {
    DevStackFixture.Run run =
        dev.run(
            "dispatch",
            "plexus-runner demo --seconds 2 --items 40",
            "--wait",
            "--type",
            "demo-it",
            "-o",
            "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    PlexusTask task = onlyTaskOfType("demo-it");
    assertThat(task.getStatus().getPhase()).isEqualTo(TaskPhase.Succeeded);
    assertThat(stageSummary(task.getStatus().getStages()))
        .containsExactly(
            "Initialization:COMPLETED:null/null",
            "Processing:COMPLETED:40/40",
            "Finalizing:COMPLETED:null/null");
    assertDynamoAgrees(task, "COMPLETED");
  }

  @Test
  void failingCommandReportsExitCodeAndStderrTail() {
    DevStackFixture.Run run =
        dev.run("dispatch", "bash -c 'echo boom >&2; exit 3'", "--wait", "--type", "fails");

    assertThat(run.exitCode()).isEqualTo(3);
    PlexusTask task = onlyTaskOfType("fails");
    assertThat(task.getStatus().getPhase()).isEqualTo(TaskPhase.Failed);
    assertThat(task.getStatus().getExitCode()).isEqualTo(3);
    assertThat(task.getStatus().getStderrTail()).contains("boom");
    assertThat(task.getStatus().getErrorMessage()).isEqualTo("command exited with code 3");
    awaitFailedRecord(
        task,
        record -> {
          assertThat(record.stderr()).isEqualTo("boom\n");
          assertThat(record.errorMessage()).isEqualTo("command exited with code 3");
          JsonNode details = JSON.readTree(record.errorDetails());
          assertThat(details.path("phase").asText())
              .as("the operator's errorDetails")
              .isEqualTo("Failed");
          assertThat(details.path("exitCode").asInt()).isEqualTo(3);
          assertThat(details.path("details").asText()).isEqualTo("boom\n");
        });
  }

  /**
   * Cancel while Running: the operator's reason ("Cancelled by <user>") is the errorMessage in both
   * places, and the runner, stopped by SIGTERM, adds only its exit code 143 and stderr tail.
   */
  @Test
  void cancelWhileRunningKeepsTheOperatorsMessageAndTheRunnersExitCode() throws Exception {
    String command = "bash -c 'echo working >&2; sleep 120'";
    assertThat(dev.run("dispatch", command, "--type", "sleeper").exitCode()).isZero();
    PlexusTask task = onlyTaskOfType("sleeper");
    String name = task.getMetadata().getName();
    await()
        .atMost(TIMEOUT)
        .until(
            () -> {
              var status = Tasks.reload(dev.stack.client(), task).getStatus();
              return status != null && "working\n".equals(status.getStderrTail());
            });
    long pid = pidOf(name);
    assertThat(TaskViews.phase(Tasks.reload(dev.stack.client(), task))).isEqualTo("Running");

    assertThat(dev.run("cancel", name).exitCode()).isZero();

    String user = CliContext.user();
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              var status = Tasks.reload(dev.stack.client(), task).getStatus();
              assertThat(status.getPhase()).isEqualTo(TaskPhase.Cancelled);
              assertThat(status.getExitCode()).as("the runner's final write").isEqualTo(143);
              assertThat(status.getErrorMessage()).isEqualTo("Cancelled by " + user);
              assertThat(status.getCancelledBy()).isEqualTo(user);
              assertThat(status.getErrorDetails()).isEqualTo("working\n");
            });
    await().atMost(TIMEOUT).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    awaitFailedRecord(
        task,
        record -> {
          assertThat(record.errorMessage()).isEqualTo("Cancelled by " + user);
          assertThat(record.stderr()).as("the runner's final write").isEqualTo("working\n");
          // Only the operator writes errorDetails; it writes again once the runner's exit code is
          // on the task, so the record ends with phase Cancelled and the runner's exit code.
          JsonNode details = JSON.readTree(record.errorDetails());
          assertThat(details.path("phase").asText())
              .as("errorDetails %s", details)
              .isEqualTo("Cancelled");
          assertThat(details.path("exitCode").asInt())
              .as("errorDetails %s", details)
              .isEqualTo(143);
          assertThat(details.path("details").asText()).isEqualTo("working\n");
        });
  }

  @Test
  void deleteWithFiltersAsksAndDeletesOnlyWhatMatched() {
    for (String type : List.of("doomed", "doomed", "kept")) {
      assertThat(
              dev.run("dispatch", "sleep 30", "--type", type, "--account", "acct-del").exitCode())
          .isZero();
    }
    List<PlexusTask> doomed = tasksOfType("doomed");
    String keptId = onlyTaskOfType("kept").getSpec().getTaskId();

    DevStackFixture.Run declined =
        dev.runWithInput("n\n", "delete", "--type", "doomed", "--account", "acct-del");
    assertThat(declined.out()).contains("Will delete 2 task(s)", "Aborted");
    assertThat(tasksOfType("doomed")).hasSize(2);

    DevStackFixture.Run accepted =
        dev.runWithInput("y\n", "delete", "--type", "doomed", "--account", "acct-del");
    assertThat(accepted.exitCode()).as(accepted.err()).isZero();
    assertThat(tasksOfType("doomed")).isEmpty();
    await()
        .atMost(TIMEOUT)
        .until(() -> doomed.stream().allMatch(t -> pidOf(t.getMetadata().getName()) == null));
    assertThat(tasksOfType("kept")).hasSize(1);
    doomed.forEach(t -> assertThat(tasks.find(t.getSpec().getTaskId())).isEmpty());
    assertThat(tasks.find(keptId)).isPresent();
  }

  @Test
  void kubectlGetsAndAppliesAgainstTheDevApi() throws Exception {
    Optional<Kubectl> kubectl = Kubectl.find(dev.stack.kubeconfig());
    assumeTrue(kubectl.isPresent(), "kubectl is not installed (not on PATH); skipping");
    Path example =
        Path.of(System.getProperty("plexus.checkout", ".."), "examples", "demo-task.yaml");

    assertThat(kubectl.get().run("apply", "--validate=false", "-f", example.toString()))
        .contains("demo-from-kubectl");
    await()
        .atMost(TIMEOUT)
        .until(() -> kubectl.get().run("get", "ptask", "demo-from-kubectl").contains("Succeeded"));
    assertThat(kubectl.get().run("get", "ptask")).contains("NAME", "PHASE", "demo-from-kubectl");
    assertThat(kubectl.get().run("get", "jobs")).contains("demo-from-kubectl");
    assertThat(kubectl.get().run("describe", "ptask", "demo-from-kubectl"))
        .as("kubectl describe lists the Events the operator recorded (it showed <none>)")
        .containsPattern("Events:\\s+Type\\s+Reason")
        .containsPattern("Normal\\s+JobCreated\\s+")
        .containsPattern("Normal\\s+Succeeded\\s+");
  }

  /** DynamoDB matches the CR: Task status (operator mirror) and stages (runner). */
  private static void assertDynamoAgrees(PlexusTask task, String status) {
    String id = task.getSpec().getTaskId();
    assertThat(id).isNotBlank();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(tasks.find(id).orElseThrow().status()).isEqualTo(status);
              List<String> dynamo =
                  stages.listStages(id).stream().map(FullLoopIT::summary).toList();
              assertThat(dynamo)
                  .containsExactlyElementsOf(stageSummary(task.getStatus().getStages()));
            });
  }

  /** Waits until the task's DynamoDB record is FAILED and passes {@code more}. */
  private static void awaitFailedRecord(PlexusTask task, ThrowingConsumer<TaskRecord> more) {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              TaskRecord record = tasks.find(task.getSpec().getTaskId()).orElseThrow();
              assertThat(record.status()).isEqualTo("FAILED");
              more.accept(record);
            });
  }

  private static void awaitPhase(PlexusTask task, TaskPhase phase) {
    await()
        .atMost(TIMEOUT)
        .until(
            () -> {
              PlexusTask current = Tasks.reload(dev.stack.client(), task);
              return current.getStatus() != null && current.getStatus().getPhase() == phase;
            });
  }

  private Long pidOf(String taskName) {
    return dev.stack.runningPids().entrySet().stream()
        .filter(e -> e.getKey().startsWith("default/" + taskName))
        .map(java.util.Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  private static List<String> stageSummary(List<StageStatus> list) {
    return list.stream()
        .map(
            s ->
                s.getName()
                    + ":"
                    + s.getStatus()
                    + ":"
                    + s.getProcessedItems()
                    + "/"
                    + s.getTotalItems())
        .toList();
  }

  private static String summary(TaskStageRecord s) {
    return s.name()
        + ":"
        + StageState.valueOf(s.status())
        + ":"
        + s.processedItems()
        + "/"
        + s.totalItems();
  }

  private static PlexusTask onlyTaskOfType(String type) {
    List<PlexusTask> found = tasksOfType(type);
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static List<PlexusTask> tasksOfType(String type) {
    return Tasks.list(dev.stack.client(), DevRemote.NAMESPACE).stream()
        .filter(t -> type.equals(t.getSpec().getType()))
        .toList();
  }
}
