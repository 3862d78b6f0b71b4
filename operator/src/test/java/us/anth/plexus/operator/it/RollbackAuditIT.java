package us.anth.plexus.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static us.anth.plexus.operator.testing.OperatorHarness.eventually;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.api.job.JobContract;
import us.anth.plexus.api.rollback.RollbackStatus;
import us.anth.plexus.operator.model.Conditions;
import us.anth.plexus.operator.model.JobEnv;
import us.anth.plexus.operator.model.JobNames;
import us.anth.plexus.operator.testing.HistorySteps;
import us.anth.plexus.operator.testing.OnMirroredOperator;
import us.anth.plexus.operator.testing.TestTasks;
import us.anth.plexus.store.NewTask;
import us.anth.plexus.store.TaskRecord;

/**
 * spec.rollback and the audit trail, with the DynamoDB mirror on DynamoDB Local: the rollback Job
 * runs once after the last failed attempt or a timeout, never after success; every step is in the
 * status history and in the Task record's metadata, beside the dashboard's own metadata keys.
 */
class RollbackAuditIT extends OnMirroredOperator {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A dashboard-created record (with the dashboard's own metadata) and its task. */
  private String dashboardTask(TestTasks task) {
    String taskId = UUID.randomUUID().toString();
    records.createTask(
        taskId,
        new NewTask(
            "acct-1",
            "demo",
            ns + "/x",
            "demo --seconds 1",
            null,
            "{\"scorecard\":\"sc-1\",\"source\":\"dashboard\"}",
            null,
            null));
    harness.createTask(task.namespace(ns).target(ns + "/x").taskId(taskId).buildNew());
    return taskId;
  }

  private Job awaitJob(String name) {
    return eventually().until(() -> harness.jobOf(ns, name), job -> job != null);
  }

  private Job rollbackJob(String name) {
    PlexusTask task = harness.task(ns, name);
    return harness
        .client()
        .batch()
        .v1()
        .jobs()
        .inNamespace(ns)
        .withName(JobNames.forRollback(task))
        .get();
  }

  private Job awaitRollbackJob(String name) {
    return eventually().until(() -> rollbackJob(name), job -> job != null);
  }

  private PlexusTaskStatus awaitStatus(
      String name, java.util.function.Predicate<PlexusTaskStatus> p) {
    return eventually().until(() -> harness.status(ns, name), p);
  }

  private static Condition condition(PlexusTaskStatus status, String type) {
    return Conditions.find(status.getConditions(), type).orElseThrow();
  }

  @Test
  void aRetriedFailedTaskRollsBackOnceAndEveryStepIsInTheStatusAndTheRecord() throws Exception {
    String taskId =
        dashboardTask(
            TestTasks.builder().name("retried").retry(1).rollback("dataset restore --id 7", false));
    Job job = awaitJob("retried");
    String first = jobController.start(job);
    jobController.terminate(ns, first, 3, "Error");
    awaitStatus(
        "retried",
        s ->
            s.getHistory() != null && HistorySteps.of(s.getHistory()).contains("AttemptEnded#1=3"));
    String second = jobController.start(job);
    jobController.terminate(ns, second, 2, "Error");
    jobController.fail(job, "BackoffLimitExceeded", "Job has reached the specified backoff limit");

    Job rollback = awaitRollbackJob("retried");
    assertThat(rollback.getMetadata().getName()).endsWith("-rb");
    var env =
        JobEnv.asMap(rollback.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv());
    assertThat(env)
        .containsEntry(JobContract.ENV_COMMAND, "dataset restore --id 7")
        .containsEntry(JobContract.ENV_ROLLBACK, "true")
        .containsEntry("PLEXUS_TASK_ID_ARG", "never");
    assertThat(rollback.getSpec().getBackoffLimit()).isZero();
    PlexusTaskStatus running = awaitStatus("retried", s -> s.getRollback() != null);
    assertThat(running.getPhase()).isEqualTo(TaskPhase.Failed);
    assertThat(running.getRollback().getState()).isEqualTo(RollbackStatus.RUNNING);
    assertThat(running.getRollback().getTrigger()).isEqualTo("task Failed: BackoffLimitExceeded");

    String rollbackPod = jobController.start(rollback);
    jobController.terminate(ns, rollbackPod, 0, "Completed");
    jobController.complete(rollback);
    PlexusTaskStatus done =
        awaitStatus("retried", s -> s.getRollback() != null && s.getRollback().ended());
    assertThat(done.getRollback().getState()).isEqualTo(RollbackStatus.SUCCEEDED);
    assertThat(done.getRollback().getExitCode()).isZero();
    assertThat(condition(done, "RolledBack").getStatus()).isEqualTo("True");
    assertThat(done.getPhase()).isEqualTo(TaskPhase.Failed);

    List<String> expected =
        List.of(
            "Created",
            "Routed",
            "RiskAssessed",
            "Started#1",
            "AttemptEnded#1=3",
            "Retried#2",
            "AttemptEnded#2=2",
            "Finished",
            "RollbackStarted",
            "RolledBack=0");
    assertThat(HistorySteps.of(done.getHistory())).containsExactlyElementsOf(expected);
    assertThat(done.getHistory())
        .allSatisfy(
            e -> {
              assertThat(e.getBy()).isNotBlank();
              assertThat(e.getAt()).isNotBlank();
            });
    assertThat(done.getHistory().get(0).getBy()).isEqualTo("unknown");

    JsonNode metadata =
        eventually()
            .until(
                () -> JSON.readTree(records.find(taskId).orElseThrow().metadata()),
                m -> m.at("/kubernetes/rollback/state").asText().equals("Succeeded"));
    assertThat(HistorySteps.of(metadata.at("/kubernetes/history")))
        .containsExactlyElementsOf(expected);
    assertThat(metadata.get("scorecard").asText()).isEqualTo("sc-1");
    assertThat(metadata.get("source").asText()).isEqualTo("dashboard");
    TaskRecord record = records.find(taskId).orElseThrow();
    assertThat(record.status()).isEqualTo("FAILED");
    assertThat(harness.events(ns))
        .extracting(e -> e.getReason())
        .contains("Created", "Routed", "Retried", "AttemptEnded", "RollbackStarted", "RolledBack");

    // A restarted operator adds nothing: no second rollback, no repeated entries.
    harness.restartOperator();
    harness.patchSpec(ns, "retried", Map.of("description", "touched after the restart"));
    eventually()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .until(() -> HistorySteps.of(harness.status(ns, "retried").getHistory()).equals(expected));
    assertThat(harness.jobs(ns)).hasSize(2);
  }

  @Test
  void aSucceededTaskNeverRollsBack() {
    dashboardTask(TestTasks.builder().name("fine").rollback("dataset restore --id 7", true));
    Job job = awaitJob("fine");
    String pod = jobController.start(job);
    jobController.terminate(ns, pod, 0, "Completed");
    jobController.complete(job);
    PlexusTaskStatus done = awaitStatus("fine", s -> s.getPhase() == TaskPhase.Succeeded);
    eventually()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> rollbackJob("fine") == null && harness.status(ns, "fine").getRollback() == null);
    assertThat(HistorySteps.of(harness.status(ns, "fine").getHistory()))
        .containsExactly(
            "Created", "Routed", "RiskAssessed", "Started#1", "AttemptEnded#1=0", "Finished");
    assertThat(done.getConditions()).noneMatch(c -> c.getType().startsWith("Rolled"));
  }

  @Test
  void aTimedOutTaskRollsBackAndAFailedRollbackIsReported() throws Exception {
    String taskId =
        dashboardTask(
            TestTasks.builder().name("slow").timeoutSeconds(60).rollback("dataset restore", false));
    Job job = awaitJob("slow");
    jobController.start(job);
    jobController.fail(job, "DeadlineExceeded", "Job was active longer than specified deadline");
    Job rollback = awaitRollbackJob("slow");
    String pod = jobController.start(rollback);
    jobController.terminate(ns, pod, 5, "Error");
    jobController.fail(
        rollback, "BackoffLimitExceeded", "Job has reached the specified backoff limit");

    PlexusTaskStatus done =
        awaitStatus("slow", s -> s.getRollback() != null && s.getRollback().ended());
    assertThat(done.getRollback().getState()).isEqualTo(RollbackStatus.FAILED);
    assertThat(done.getRollback().getExitCode()).isEqualTo(5);
    assertThat(condition(done, "RollbackFailed").getStatus()).isEqualTo("True");
    assertThat(condition(done, "RolledBack").getStatus()).isEqualTo("False");
    assertThat(HistorySteps.of(done.getHistory()))
        .contains("TimedOut", "RollbackStarted", "RollbackFailed=5");
    JsonNode metadata =
        eventually()
            .until(
                () -> JSON.readTree(records.find(taskId).orElseThrow().metadata()),
                m -> m.at("/kubernetes/rollback/state").asText().equals("Failed"));
    assertThat(metadata.at("/kubernetes/rollback/exitCode").asInt()).isEqualTo(5);
    assertThat(harness.events(ns))
        .anyMatch(e -> "RollbackFailed".equals(e.getReason()) && "Warning".equals(e.getType()));
  }

  @Test
  void aCancelledTaskRollsBackOnlyWhenAsked() {
    dashboardTask(TestTasks.builder().name("keep").rollback("dataset restore", false));
    dashboardTask(TestTasks.builder().name("undo").rollback("dataset restore", true));
    jobController.start(awaitJob("keep"));
    jobController.start(awaitJob("undo"));
    harness.patchSpec(ns, "keep", Map.of("cancel", true, "cancelRequestedBy", "alice"));
    harness.patchSpec(ns, "undo", Map.of("cancel", true, "cancelRequestedBy", "bob"));

    awaitRollbackJob("undo");
    PlexusTaskStatus undone = awaitStatus("undo", s -> s.getRollback() != null);
    assertThat(undone.getRollback().getTrigger()).isEqualTo("task Cancelled by bob");
    assertThat(undone.getHistory())
        .anyMatch(e -> "Cancelled".equals(e.getKind()) && "bob".equals(e.getBy()));
    PlexusTaskStatus kept = awaitStatus("keep", s -> s.getPhase() == TaskPhase.Cancelled);
    assertThat(kept.getRollback()).isNull();
    assertThat(rollbackJob("keep")).isNull();
  }
}
