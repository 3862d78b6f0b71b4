package us.anth.plexus.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static us.anth.plexus.controlplane.OperatorOnCluster.eventually;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.operator.model.Conditions;
import us.anth.plexus.operator.testing.TestPools;
import us.anth.plexus.operator.testing.TestTasks;

/**
 * What the operator asks of the real Job controller: retries through {@code backoffLimit}, a task's
 * own non-retryable exit code through {@code podFailurePolicy}, a timeout through {@code
 * activeDeadlineSeconds}, and a pool naming a missing ServiceAccount (the controller's real {@code
 * FailedCreate} Event becomes the operator's {@code PodNotCreated}). The mock-based operator ITs
 * keep covering the operator's reading of these with hand-written Job statuses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobControlOnClusterIT {
  private static final int START_GRACE_SECONDS = 5;

  private OperatorOnCluster on;
  private String ns;

  @BeforeAll
  void start() {
    on =
        OperatorOnCluster.start(
            RealCluster.get(),
            Map.of("PLEXUS_POD_START_GRACE_SECONDS", Integer.toString(START_GRACE_SECONDS)));
    ns = on.namespace;
    on.createPool(TestPools.pool(ns + "-cpu", ns + "/*"));
  }

  @AfterAll
  void stop() {
    if (on != null) {
      on.closeAssertingNothingDenied();
    }
  }

  @Test
  void commandFailingTwiceSucceedsOnItsThirdPodThroughTheBackoffLimit() throws IOException {
    // pods are local processes here, so a file outside them counts the attempts
    Path counter = Files.createTempFile(on.cluster.workDir, "attempts-", ".txt");
    Path script = on.cluster.workDir.resolve("flaky-" + ns + ".sh");
    Files.writeString(
        script, "n=$(wc -c < " + counter + "); printf x >> " + counter + "; [ \"$n\" -ge 2 ]\n");
    on.createTask(
        TestTasks.builder()
            .name("flaky")
            .target(ns + "/work")
            .command("sh " + script)
            .retry(3)
            .buildNew());

    // the Job controller waits 10 s, then 20 s, between failed pods
    PlexusTaskStatus done =
        eventually()
            .atMost(Duration.ofSeconds(180))
            .until(() -> on.status("flaky"), s -> s.getPhase() == TaskPhase.Succeeded);
    assertThat(done.getAttempts()).isEqualTo(3);
    Job job = on.jobOf("flaky");
    assertThat(job.getStatus().getFailed()).isEqualTo(2);
    assertThat(job.getStatus().getSucceeded()).isEqualTo(1);
    assertThat(on.podsOf(job)).hasSize(3);
    assertThat(Files.readString(counter)).isEqualTo("xxx");
  }

  @Test
  void tasksOwnNonRetryableExitCodeEndsTheJobAfterOnePod() {
    on.createTask(
        TestTasks.builder()
            .name("exit42")
            .target(ns + "/work")
            .command("sh -c 'exit 42'")
            .retry(3, 42)
            .buildNew());
    PlexusTaskStatus failed = on.awaitPhase("exit42", TaskPhase.Failed);
    assertThat(failed.getExitCode()).isEqualTo(42);
    assertThat(failed.getAttempts()).isEqualTo(1);
    assertThat(Conditions.find(failed.getConditions(), Conditions.FAILED).map(Condition::getReason))
        .contains("PodFailurePolicy");
    assertThat(on.podsOf(on.jobOf("exit42"))).hasSize(1);
  }

  @Test
  void activeDeadlineFailsTheTaskWithTheTimeoutAndKillsThePod() {
    on.createTask(
        TestTasks.builder()
            .name("slow")
            .target(ns + "/work")
            .command("sleep 300")
            .timeoutSeconds(8)
            .buildNew());
    on.awaitPhase("slow", TaskPhase.Running);
    eventually().until(() -> runnerOf("slow"));

    PlexusTaskStatus failed = on.awaitPhase("slow", TaskPhase.Failed);
    Condition reason = Conditions.find(failed.getConditions(), Conditions.FAILED).orElseThrow();
    assertThat(reason.getReason()).isEqualTo("DeadlineExceeded");
    assertThat(failed.getErrorMessage()).isEqualTo("timed out after 8s");
    // the Job controller marks the Job FailureTarget at once and deletes the pod; the node agent
    // stops its process as the kubelet does; only then does the Job become Failed
    eventually().until(() -> !runnerOf("slow"));
    Job job = eventually().until(() -> on.jobOf("slow"), j -> trueCondition(j, "Failed"));
    assertThat(job.getStatus().getConditions())
        .filteredOn(c -> "True".equals(c.getStatus()))
        .extracting(JobCondition::getType, JobCondition::getReason)
        .contains(tuple("FailureTarget", "DeadlineExceeded"), tuple("Failed", "DeadlineExceeded"));
    eventually().until(() -> on.podsOf(job).isEmpty());
  }

  @Test
  void missingServiceAccountGivesTheRealFailedCreateAsPodNotCreated() {
    var pool = TestPools.pool(ns + "-nosa", ns + "/nosa");
    pool.getSpec().setServiceAccountName("nope");
    on.createPool(pool);
    on.createTask(TestTasks.builder().name("nosa").target(ns + "/nosa").command("true").buildNew());

    Condition ready = on.awaitReady("nosa", "PodNotCreated");
    String job = on.status("nosa").getJobName();
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getMessage())
        .startsWith("Job " + job + " has created no pod in " + START_GRACE_SECONDS + "s: ")
        .contains("error looking up service account " + ns + "/nope")
        .contains("serviceaccount \"nope\" not found");
    eventually()
        .until(
            () ->
                on.admin().v1().events().inNamespace(ns).list().getItems().stream()
                    .filter(e -> "PodNotCreated".equals(e.getReason()))
                    .count(),
            n -> n == 1);
    assertThat(on.status("nosa").getPhase()).isEqualTo(TaskPhase.Pending);
    assertThat(on.podsOf(on.jobOf("nosa"))).isEmpty();
  }

  private static boolean trueCondition(Job job, String type) {
    return job.getStatus() != null
        && job.getStatus().getConditions() != null
        && job.getStatus().getConditions().stream()
            .anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private boolean runnerOf(String task) {
    return on.cluster.agent.runningPids().keySet().stream()
        .anyMatch(k -> k.startsWith(ns + "/" + task + "-"));
  }
}
