package us.anth.plexus.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static us.anth.plexus.operator.testing.OperatorHarness.eventually;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusLabels;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.operator.model.Conditions;
import us.anth.plexus.operator.model.JobEnv;
import us.anth.plexus.operator.testing.OnMirroredOperator;
import us.anth.plexus.operator.testing.TestTasks;
import us.anth.plexus.store.NewTask;
import us.anth.plexus.store.TaskRecord;
import us.anth.plexus.store.TaskRunnerUpdate;

/** The real operator with the DynamoDB mirror on DynamoDB Local: records follow each task. */
class DynamoMirrorIT extends OnMirroredOperator {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A task whose record the dashboard created first (as the bridge would dispatch it). */
  private String dashboardTask(String name) {
    String taskId = UUID.randomUUID().toString();
    records.createTask(taskId, NewTask.of("acct-1", "demo", ns + "/x", "demo --seconds 1"));
    harness.createTask(
        TestTasks.builder().namespace(ns).name(name).target(ns + "/x").taskId(taskId).buildNew());
    return taskId;
  }

  private TaskRecord awaitRecord(String taskId, String status) {
    return eventually()
        .until(
            () -> records.find(taskId).orElse(null), r -> r != null && status.equals(r.status()));
  }

  private Job awaitJob(String name) {
    return eventually().until(() -> harness.jobOf(ns, name), job -> job != null);
  }

  private Condition awaitSynced(String name, String status) {
    return eventually()
        .until(
            () -> Conditions.find(harness.status(ns, name).getConditions(), Conditions.SYNCED),
            c -> c.isPresent() && status.equals(c.get().getStatus()))
        .orElseThrow();
  }

  private JsonNode kubernetesRef(TaskRecord record) throws Exception {
    return JSON.readTree(record.metadata()).get("kubernetes");
  }

  /** Dashboard timestamps carry milliseconds; the status may carry more. */
  private static Instant instant(String text) {
    return Instant.parse(text).truncatedTo(ChronoUnit.MILLIS);
  }

  private PlexusTaskStatus awaitPhase(String name, TaskPhase phase) {
    return eventually().until(() -> harness.status(ns, name), s -> s.getPhase() == phase);
  }

  @Test
  void lifecycleLeavesStatusTimesWorkerAndKubernetesIdentityOnTheRecord() throws Exception {
    String taskId = dashboardTask("life");
    Job job = awaitJob("life");
    String podName = jobController.start(job);

    TaskRecord running = awaitRecord(taskId, "RUNNING");
    assertThat(running.workerNodeId()).isEqualTo(podName);
    assertThat(running.dispatchStatus()).isEqualTo("DISPATCHED");
    assertThat(running.startedAt()).isNotNull();
    assertThat(running.completedAt()).isNull();

    jobController.complete(job);
    TaskRecord done = awaitRecord(taskId, "COMPLETED");
    PlexusTaskStatus status = awaitPhase("life", TaskPhase.Succeeded);
    assertThat(instant(done.startedAt())).isEqualTo(instant(status.getStartedAt()));
    assertThat(instant(done.completedAt())).isEqualTo(instant(status.getCompletedAt()));
    assertThat(done.workerNodeId()).isEqualTo(podName);
    assertThat(done.errorMessage()).isNull();
    JsonNode ref = kubernetesRef(done);
    PlexusTask task = harness.task(ns, "life");
    assertThat(ref.get("namespace").asText()).isEqualTo(ns);
    assertThat(ref.get("name").asText()).isEqualTo("life");
    assertThat(ref.get("uid").asText()).isEqualTo(task.getMetadata().getUid());
    assertThat(ref.get("job").asText()).isEqualTo(job.getMetadata().getName());
    assertThat(ref.get("pool").asText()).isEqualTo(ns + "-p");
    assertThat(awaitSynced("life", "True").getReason()).isEqualTo("Mirrored");
  }

  @Test
  void cancelledTaskEndsFailedWithWhoCancelledIt() {
    String taskId = dashboardTask("stop-me");
    jobController.start(awaitJob("stop-me"));
    awaitRecord(taskId, "RUNNING");
    harness.patchSpec(ns, "stop-me", Map.of("cancel", true, "cancelRequestedBy", "alice"));

    TaskRecord failed = awaitRecord(taskId, "FAILED");
    assertThat(failed.errorMessage()).isEqualTo("Cancelled by alice");
    assertThat(failed.errorDetails()).contains("\"phase\":\"Cancelled\"");
    assertThat(failed.completedAt()).isNotNull();
  }

  @Test
  void runnerReportingAfterTheCancelMirrorLeavesBothPhaseAndExitCodeOnTheRecord() throws Exception {
    String taskId = dashboardTask("late-exit");
    jobController.start(awaitJob("late-exit"));
    awaitRecord(taskId, "RUNNING");
    harness.patchSpec(ns, "late-exit", Map.of("cancel", true, "cancelRequestedBy", "alice"));
    TaskRecord cancelled = awaitRecord(taskId, "FAILED");
    assertThat(JSON.readTree(cancelled.errorDetails()).has("exitCode")).isFalse();

    // The runner, stopped by SIGTERM, writes its record fields and then its status fields.
    records.updateRunnerState(
        taskId, TaskRunnerUpdate.finish(System.currentTimeMillis(), null, "working\n", null, null));
    PlexusTaskStatus runner = new PlexusTaskStatus();
    runner.setExitCode(143);
    runner.setErrorDetails("working\n");
    harness.patchRunnerStatus(ns, "late-exit", runner);

    JsonNode details =
        eventually()
            .until(
                () -> JSON.readTree(records.find(taskId).orElseThrow().errorDetails()),
                d -> d.has("phase") && d.has("exitCode"));
    assertThat(details.get("phase").asText()).isEqualTo("Cancelled");
    assertThat(details.get("exitCode").asInt()).isEqualTo(143);
    assertThat(details.get("details").asText()).isEqualTo("working\n");
    TaskRecord last = records.find(taskId).orElseThrow();
    assertThat(last.errorMessage()).isEqualTo("Cancelled by alice");
    assertThat(last.stderr()).isEqualTo("working\n");
  }

  @Test
  void kubectlTaskWithoutTaskIdGetsARecordAndItsIdBeforeTheJobExists() {
    PlexusTask created =
        harness.createTask(
            TestTasks.builder().namespace(ns).name("kubectl").target(ns + "/x").buildNew());
    String uid = created.getMetadata().getUid();

    Job job = awaitJob("kubectl");
    assertThat(harness.task(ns, "kubectl").getSpec().getTaskId()).isEqualTo(uid);
    assertThat(JobEnv.asMap(job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()))
        .containsEntry("PLEXUS_TASK_ID", uid);
    assertThat(job.getMetadata().getLabels()).containsEntry(PlexusLabels.TASK_ID, uid);
    TaskRecord record = records.find(uid).orElseThrow();
    assertThat(record.dispatchStatus()).isEqualTo("DISPATCHED");
    assertThat(record.accountId()).isEqualTo("acct-1");
    assertThat(record.command()).isEqualTo("demo --seconds 1");
    assertThat(record.target()).isEqualTo(ns + "/x");
    assertThat(harness.jobs(ns)).hasSize(1);

    jobController.start(job);
    jobController.complete(job);
    assertThat(awaitRecord(uid, "COMPLETED").workerNodeId()).isNotNull();
  }

  @Test
  void jobCompletingDuringAnOutageEndsCompletedOnceDynamoIsBack() {
    String taskId = dashboardTask("outage");
    Job job = awaitJob("outage");
    String podName = jobController.start(job);
    awaitRecord(taskId, "RUNNING");

    operator.dynamo().stop();
    try {
      jobController.complete(job);
      Condition failing = awaitSynced("outage", "False");
      assertThat(failing.getReason()).isEqualTo("MirrorFailed");
      assertThat(failing.getMessage()).isNotBlank();
      assertThat(harness.status(ns, "outage").getPhase()).isEqualTo(TaskPhase.Succeeded);
    } finally {
      operator.dynamo().restart();
    }

    TaskRecord healed = awaitRecord(taskId, "COMPLETED");
    PlexusTaskStatus status = harness.status(ns, "outage");
    assertThat(instant(healed.completedAt())).isEqualTo(instant(status.getCompletedAt()));
    assertThat(healed.workerNodeId()).isEqualTo(podName);
    assertThat(awaitSynced("outage", "True").getReason()).isEqualTo("Mirrored");
  }

  private void deleteTask(String name) {
    harness.client().resources(PlexusTask.class).inNamespace(ns).withName(name).delete();
  }

  private Event awaitEvent(String reason) {
    return eventually()
        .until(
            () -> harness.events(ns).stream().filter(e -> reason.equals(e.getReason())).findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  @Test
  void deletingARunningTaskEndsItsRecordFailedAndNamesTheDeleter() {
    String taskId = dashboardTask("deleted");
    jobController.start(awaitJob("deleted"));
    awaitRecord(taskId, "RUNNING");
    // A merge patch without resourceVersion: an edit() raced the operator's status patch (409).
    harness
        .client()
        .resources(PlexusTask.class)
        .inNamespace(ns)
        .withName("deleted")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"annotations\":{\"plexus.anth.us/deleted-by\":\"carol\"}}}");
    deleteTask("deleted");

    TaskRecord failed = awaitRecord(taskId, "FAILED");
    assertThat(failed.errorMessage()).isEqualTo("Cancelled: PlexusTask deleted by carol");
    assertThat(failed.errorDetails()).contains("\"phase\":\"Cancelled\"");
    assertThat(failed.completedAt()).isNotNull();
    eventually().until(() -> harness.task(ns, "deleted") == null);
    eventually().until(() -> harness.jobs(ns).isEmpty());
    Event event = awaitEvent("Deleted");
    assertThat(event.getType()).isEqualTo("Normal");
    assertThat(event.getMessage())
        .isEqualTo(
            "Cancelled: PlexusTask deleted by carol while Running; task record marked FAILED");
  }

  @Test
  void deletionDuringAnOutageWaitsForDynamoThenEndsTheRecordFailed() {
    String taskId = dashboardTask("deleted-in-outage");
    awaitJob("deleted-in-outage");
    awaitSynced("deleted-in-outage", "True");
    assertThat(records.find(taskId).orElseThrow().status()).isEqualTo("PENDING");

    String deletedAt;
    operator.dynamo().stop();
    try {
      deleteTask("deleted-in-outage");
      Event retrying = awaitEvent("MirrorFailed");
      assertThat(retrying.getMessage())
          .startsWith("deleted task's record not written (retrying): ");
      PlexusTask held = harness.task(ns, "deleted-in-outage");
      assertThat(held).as("the finalizer holds the task while its record is stale").isNotNull();
      deletedAt = held.getMetadata().getDeletionTimestamp();
      assertThat(deletedAt).isNotNull();
    } finally {
      operator.dynamo().restart();
    }

    TaskRecord failed = awaitRecord(taskId, "FAILED");
    assertThat(failed.errorMessage()).isEqualTo("Cancelled: PlexusTask deleted");
    assertThat(instant(failed.completedAt()))
        .as("completedAt is the deletion time, whichever retry wrote it")
        .isEqualTo(instant(deletedAt));
    eventually().until(() -> harness.task(ns, "deleted-in-outage") == null);
  }
}
