package us.anth.plexus.devkit.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.anth.plexus.devkit.EmbeddedKubeApi;

class LocalJobExecutorIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static EmbeddedKubeApi api;
  private static LocalJobExecutor executor;
  @TempDir static Path dir;
  private final String ns = "exec-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void start() throws Exception {
    api = EmbeddedKubeApi.start();
    Path kubeconfig = api.writeKubeconfig(dir.resolve("kubeconfig"), "default");
    ExecutorOptions options =
        ExecutorOptions.defaults(kubeconfig).withMainClass(FakeRunnerMain.class.getName());
    executor = new LocalJobExecutor(api.client(), api.podLogs(), options).start();
  }

  @AfterAll
  static void stop() {
    executor.close();
    api.close();
  }

  @Test
  void successfulProcessCompletesTheJobAndLeavesAPodWithItsLog() {
    create(job("ok", false, null, "exit", "0"));

    Job done = awaitCondition("ok", "Complete");
    assertThat(done.getStatus().getSucceeded()).isEqualTo(1);
    assertThat(done.getStatus().getStartTime()).isNotNull();
    assertThat(done.getStatus().getCompletionTime()).isNotNull();
    Pod pod = pods("ok").get(0);
    assertThat(pod.getSpec().getNodeName()).isEqualTo("local-executor");
    assertThat(pod.getMetadata().getName()).matches("ok-[a-z0-9]{5}");
    assertThat(pod.getMetadata().getLabels())
        .containsEntry("job-name", "ok")
        .containsEntry("app", "t");
    await()
        .atMost(TIMEOUT)
        .until(() -> "Succeeded".equals(pods("ok").get(0).getStatus().getPhase()));
    String log = api.client().pods().inNamespace(ns).withName(pod.getMetadata().getName()).getLog();
    assertThat(log)
        .contains("fake runner in pod " + pod.getMetadata().getName() + " on local-executor");
  }

  @Test
  void failuresRetryUpToTheBackoffLimit() {
    create(job("retry", false, null, "exit", "3"));

    Job failed = awaitCondition("retry", "Failed");
    assertThat(reason(failed, "Failed")).isEqualTo("BackoffLimitExceeded");
    assertThat(failed.getStatus().getFailed()).isEqualTo(2);
    assertThat(pods("retry")).hasSize(2);
  }

  @Test
  void failJobExitCodeFailsWithoutRetry() {
    create(job("notfound", false, null, "exit", "127"));

    Job failed = awaitCondition("notfound", "Failed");
    assertThat(reason(failed, "Failed")).isEqualTo("PodFailurePolicy");
    assertThat(pods("notfound")).hasSize(1);
    var terminated =
        pods("notfound")
            .get(0)
            .getStatus()
            .getContainerStatuses()
            .get(0)
            .getState()
            .getTerminated();
    assertThat(terminated.getExitCode()).isEqualTo(127);
    assertThat(terminated.getMessage())
        .as("the container's termination message, from the file it was given")
        .isEqualTo("fake runner final state: exit 127");
  }

  @Test
  void suspendedJobRunsOnlyOnceUnsuspended() throws Exception {
    create(job("held", true, null, "exit", "0"));
    Thread.sleep(1500);
    assertThat(pods("held")).isEmpty();

    api.client()
        .batch()
        .v1()
        .jobs()
        .inNamespace(ns)
        .withName("held")
        .edit(j -> new JobBuilder(j).editSpec().withSuspend(false).endSpec().build());

    awaitCondition("held", "Complete");
  }

  @Test
  void suspendingARunningJobStopsItsProcessWithoutFailingTheJob() {
    create(job("paused", false, null, "sleep", "60"));
    long pid = awaitPid("paused");

    api.client()
        .batch()
        .v1()
        .jobs()
        .inNamespace(ns)
        .withName("paused")
        // A merge patch, as the operator's suspend would be: no resourceVersion to race with the
        // executor's own status write for the attempt that just started.
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"suspend\":true}}");

    await().atMost(TIMEOUT).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    Job suspended = awaitCondition("paused", "Suspended");
    assertThat(suspended.getStatus().getActive()).isZero();
    assertThat(reason(suspended, "Failed")).isNull();
  }

  private long awaitPid(String job) {
    await()
        .atMost(TIMEOUT)
        .until(
            () ->
                executor.runningPids().keySet().stream()
                    .anyMatch(k -> k.startsWith(ns + "/" + job + "-")));
    return executor.runningPids().entrySet().stream()
        .filter(e -> e.getKey().startsWith(ns + "/" + job + "-"))
        .findFirst()
        .orElseThrow()
        .getValue();
  }

  @Test
  void deadlineTerminatesTheProcess() {
    create(job("slow", false, 2L, "sleep", "60"));
    long pid = awaitPid("slow");

    Job failed = awaitCondition("slow", "Failed");
    assertThat(reason(failed, "Failed")).isEqualTo("DeadlineExceeded");
    await().atMost(TIMEOUT).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
  }

  @Test
  void deletingTheJobKillsTheProcessAndItsPods() {
    create(job("doomed", false, null, "sleep", "60"));
    long pid = awaitPid("doomed");

    api.client().batch().v1().jobs().inNamespace(ns).withName("doomed").delete();

    await().atMost(TIMEOUT).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    await().atMost(TIMEOUT).until(() -> pods("doomed").isEmpty());
  }

  private Job job(String name, boolean suspend, Long deadline, String... args) {
    return new JobBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(ns)
        .endMetadata()
        .withNewSpec()
        .withSuspend(suspend)
        .withBackoffLimit(1)
        .withActiveDeadlineSeconds(deadline)
        .withPodFailurePolicy(TestJobs.failJobOn126And127())
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", "t")
        .endMetadata()
        .withNewSpec()
        .withRestartPolicy("Never")
        .withContainers(TestJobs.runnerContainer(args))
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private void create(Job job) {
    api.client().batch().v1().jobs().inNamespace(ns).resource(job).create();
  }

  private List<Pod> pods(String job) {
    return api.client().pods().inNamespace(ns).withLabel("job-name", job).list().getItems();
  }

  private Job awaitCondition(String name, String type) {
    return await()
        .atMost(TIMEOUT)
        .until(
            () -> api.client().batch().v1().jobs().inNamespace(ns).withName(name).get(),
            j -> j.getStatus() != null && reason(j, type) != null);
  }

  private static String reason(Job job, String type) {
    return job.getStatus().getConditions() == null
        ? null
        : job.getStatus().getConditions().stream()
            .filter(c -> type.equals(c.getType()))
            .map(JobCondition::getReason)
            .findFirst()
            .orElse(null);
  }
}
