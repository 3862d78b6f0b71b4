package us.anth.plexus.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static us.anth.plexus.operator.testing.OperatorHarness.eventually;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.operator.OperatorConfig;
import us.anth.plexus.operator.mirror.TaskRecordMirror;
import us.anth.plexus.operator.model.Conditions;
import us.anth.plexus.operator.testing.JobControllerSimulator;
import us.anth.plexus.operator.testing.OperatorHarness;
import us.anth.plexus.operator.testing.TestPools;
import us.anth.plexus.operator.testing.TestTasks;

/**
 * Pods that cannot start, as the kubelet, scheduler and Job controller report them: a condition and
 * one Warning Event per reason; a bad image fails the task after the (shortened) start grace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PodStartIT {
  private static final int GRACE_SECONDS = 4;

  private OperatorHarness harness;
  private JobControllerSimulator kubelet;
  private String ns;

  @BeforeAll
  void start() {
    OperatorConfig config =
        OperatorConfig.fromEnv(
            Map.of("PLEXUS_POD_START_GRACE_SECONDS", Integer.toString(GRACE_SECONDS)));
    harness = OperatorHarness.start(config, TaskRecordMirror.DISABLED);
    kubelet = new JobControllerSimulator(harness.client());
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  @BeforeEach
  void newNamespace() {
    ns = harness.newNamespace();
    harness.createPool(TestPools.pool(ns + "-p", ns + "/*"));
  }

  private Job createTask(String name) {
    harness.createTask(TestTasks.builder().namespace(ns).name(name).target(ns + "/x").buildNew());
    return eventually().until(() -> harness.jobOf(ns, name), job -> job != null);
  }

  private Condition awaitReady(String name, String reason) {
    return eventually()
        .until(
            () -> Conditions.find(harness.status(ns, name).getConditions(), Conditions.READY),
            c -> c.isPresent() && reason.equals(c.get().getReason()))
        .orElseThrow();
  }

  private List<Event> warnings(String reason) {
    return harness.events(ns).stream()
        .filter(e -> "Warning".equals(e.getType()) && reason.equals(e.getReason()))
        .toList();
  }

  @Test
  void imagePullBackOffIsReportedOnceAndFailsTheTaskAfterTheGrace() {
    Job job = createTask("bad-image");
    String pod = kubelet.startPending(job);
    kubelet.containerWaiting(ns, pod, "ErrImagePull", "pull access denied for nope/runner");

    Condition pulling = awaitReady("bad-image", "ImagePullFailed");
    assertThat(pulling.getStatus()).isEqualTo("False");
    assertThat(pulling.getMessage())
        .isEqualTo("ErrImagePull on pod " + pod + ": pull access denied for nope/runner");
    assertThat(harness.status(ns, "bad-image").getPhase()).isEqualTo(TaskPhase.Pending);
    Event warning =
        eventually().until(() -> warnings("ImagePullFailed"), w -> w.size() == 1).get(0);

    kubelet.containerWaiting(ns, pod, "ImagePullBackOff", "Back-off pulling image \"nope/runner\"");
    eventually()
        .until(() -> awaitReady("bad-image", "ImagePullFailed").getMessage().contains("Back-off"));
    assertThat(warnings("ImagePullFailed"))
        .as("one Warning per reason, not one per reconcile")
        .singleElement()
        .satisfies(e -> assertThat(e.getLastTimestamp()).isEqualTo(warning.getLastTimestamp()));

    PlexusTaskStatus failed =
        eventually().until(() -> harness.status(ns, "bad-image"), s -> s.getPhase().isFinal());
    assertThat(failed.getPhase()).isEqualTo(TaskPhase.Failed);
    assertThat(failed.getErrorMessage())
        .isEqualTo(
            "pod did not start in "
                + GRACE_SECONDS
                + "s: ImagePullBackOff on pod "
                + pod
                + ": Back-off pulling image \"nope/runner\"");
    Condition reason = Conditions.find(failed.getConditions(), Conditions.FAILED).orElseThrow();
    assertThat(reason.getReason()).isEqualTo("ImagePullFailed");
    assertThat(Instant.parse(failed.getCompletedAt()))
        .isAfterOrEqualTo(Instant.parse(pulling.getLastTransitionTime()));
    eventually().until(() -> harness.jobOf(ns, "bad-image") == null);
  }

  @Test
  void unschedulablePodAndJobWithoutPodWarnButKeepWaitingPastTheGrace() {
    // both are reconciled again after the grace (a new scheduler message; the PodNotCreated
    // recheck)
    String pod = kubelet.startPending(createTask("too-big"));
    kubelet.unschedulable(ns, pod, "0/3 nodes are available: 3 Insufficient nvidia.com/gpu.");
    Job podless = createTask("no-pod");
    harness.client().v1().events().inNamespace(ns).resource(failedCreate(podless)).create();

    Condition waiting = awaitReady("too-big", "Unschedulable");
    assertThat(waiting.getMessage())
        .isEqualTo(
            "pod "
                + pod
                + " cannot be scheduled: 0/3 nodes are available: 3 Insufficient"
                + " nvidia.com/gpu.");
    eventually().until(() -> warnings("Unschedulable").size() == 1);
    assertThat(awaitReady("no-pod", "Starting").getStatus()).isEqualTo("False");

    Condition noPod = awaitReady("no-pod", "PodNotCreated");
    assertThat(noPod.getMessage())
        .isEqualTo(
            "Job "
                + podless.getMetadata().getName()
                + " has created no pod in "
                + GRACE_SECONDS
                + "s: Error creating: pods \"x\" is forbidden: error looking up service account "
                + ns
                + "/nope: serviceaccount \"nope\" not found");
    eventually().until(() -> warnings("PodNotCreated").size() == 1);

    kubelet.unschedulable(ns, pod, "0/4 nodes are available: 4 Insufficient nvidia.com/gpu.");
    eventually()
        .until(() -> awaitReady("too-big", "Unschedulable").getMessage().contains("0/4 nodes"));
    for (String name : List.of("too-big", "no-pod")) {
      assertThat(harness.status(ns, name).getPhase()).as(name).isEqualTo(TaskPhase.Pending);
      assertThat(harness.jobOf(ns, name)).as(name).isNotNull();
    }
  }

  /** The Event the Job controller records when the API server refuses the Job's pod. */
  private Event failedCreate(Job job) {
    return new EventBuilder()
        .withNewMetadata()
        .withName(job.getMetadata().getName() + ".failedcreate")
        .withNamespace(ns)
        .endMetadata()
        .withType("Warning")
        .withReason("FailedCreate")
        .withMessage(
            "Error creating: pods \"x\" is forbidden: error looking up service account "
                + ns
                + "/nope: serviceaccount \"nope\" not found")
        .withLastTimestamp(Instant.now().toString())
        .withNewInvolvedObject()
        .withKind("Job")
        .withName(job.getMetadata().getName())
        .withNamespace(ns)
        .endInvolvedObject()
        .build();
  }
}
