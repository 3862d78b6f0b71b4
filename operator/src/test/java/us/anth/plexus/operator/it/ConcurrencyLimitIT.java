package us.anth.plexus.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static us.anth.plexus.operator.testing.OperatorHarness.eventually;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusLabels;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.operator.model.JobStates;
import us.anth.plexus.operator.testing.JobControllerSimulator;
import us.anth.plexus.operator.testing.OperatorHarness;
import us.anth.plexus.operator.testing.TestPools;
import us.anth.plexus.operator.testing.TestTasks;

/** A pool's concurrency limit, queue order, and one Job per task across an operator restart. */
class ConcurrencyLimitIT {
  private static final List<String> TASKS =
      List.of("task-1", "task-2", "task-3", "task-4", "task-5");

  private OperatorHarness harness;
  private JobControllerSimulator jobController;
  private String ns;
  private final AtomicInteger mostActive = new AtomicInteger();

  @BeforeEach
  void start() {
    harness = OperatorHarness.start();
    jobController = new JobControllerSimulator(harness.client());
    ns = harness.newNamespace();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  /** Active (unsuspended, unfinished) task names, oldest first; records the most ever seen. */
  private List<String> active() {
    List<String> names =
        harness.jobs(ns).stream()
            .filter(JobStates::isActive)
            .map(j -> j.getMetadata().getLabels().get(PlexusLabels.TASK_NAME))
            .sorted(Comparator.naturalOrder())
            .toList();
    mostActive.accumulateAndGet(names.size(), Math::max);
    return names;
  }

  /** The pool's status counts: [activeTasks, queuedTasks]. */
  private List<Integer> poolCounts() {
    var status =
        harness
            .client()
            .resources(PlexusWorkerPool.class)
            .withName(ns + "-limited")
            .get()
            .getStatus();
    return status == null ? List.of() : List.of(status.getActiveTasks(), status.getQueuedTasks());
  }

  private long queued() {
    return harness.jobs(ns).stream().filter(JobStates::isQueued).count();
  }

  @Test
  void limitOfTwoRunsTwoQueuesThreeAndReleasesThemInCreationOrderAcrossARestart() {
    harness.createPool(TestPools.withLimit(TestPools.pool(ns + "-limited", ns + "/*"), 2));
    // created in reverse name order, one Job after the other, mostly within the same second of
    // creationTimestamp: only the Job's queue stamp tells the release order from name order
    List<String> creationOrder = List.of("task-5", "task-4", "task-3", "task-2", "task-1");
    for (String name : creationOrder) {
      harness.createTask(
          TestTasks.builder().namespace(ns).name(name).target(ns + "/eval").buildNew());
      eventually().until(() -> harness.jobOf(ns, name) != null);
    }
    eventually().until(() -> harness.jobs(ns).size() == 5 && queued() == 3);
    eventually().until(() -> poolCounts(), counts -> counts.equals(List.of(2, 3)));
    List<String> started = new ArrayList<>(active());
    List<String> waiting = creationOrder.stream().filter(n -> !started.contains(n)).toList();
    assertThat(started).containsExactlyInAnyOrder("task-5", "task-4");
    assertThat(waiting).containsExactly("task-3", "task-2", "task-1");
    for (String name : waiting) {
      eventually().until(() -> harness.status(ns, name).getPhase() == TaskPhase.Queued);
    }
    started.forEach(name -> jobController.start(harness.jobOf(ns, name)));
    for (String name : started) {
      eventually().until(() -> harness.status(ns, name).getPhase() == TaskPhase.Running);
    }

    List<String> released = new ArrayList<>();
    for (int finished = 0; finished < TASKS.size(); finished++) {
      if (finished == 2) {
        harness.restartOperator();
      }
      String done = started.get(finished);
      jobController.complete(harness.jobOf(ns, done));
      eventually().until(() -> harness.status(ns, done).getPhase() == TaskPhase.Succeeded);
      int expectedActive = Math.min(2, TASKS.size() - finished - 1);
      List<String> now = eventually().until(this::active, a -> a.size() == expectedActive);
      for (String name : now) {
        if (!started.contains(name)) {
          started.add(name);
          released.add(name);
          jobController.start(harness.jobOf(ns, name));
        }
      }
    }

    assertThat(released)
        .as("queued tasks, released in creation order (not name order)")
        .containsExactlyElementsOf(waiting);
    assertThat(mostActive.get()).isEqualTo(2);
    eventually().until(() -> poolCounts(), counts -> counts.equals(List.of(0, 0)));
    assertThat(harness.jobs(ns)).hasSize(5);
    assertThat(harness.jobs(ns))
        .extracting(j -> j.getMetadata().getLabels().get(PlexusLabels.TASK_NAME))
        .containsExactlyInAnyOrderElementsOf(TASKS);
    for (String name : TASKS) {
      assertThat(harness.status(ns, name).getPhase()).isEqualTo(TaskPhase.Succeeded);
    }
  }

  @Test
  void aRunningJobDeletedUnderItsTaskHandsItsSlotToTheNextQueuedTask() {
    harness.createPool(TestPools.withLimit(TestPools.pool(ns + "-limited", ns + "/*"), 1));
    for (String name : List.of("task-1", "task-2", "task-3")) {
      harness.createTask(
          TestTasks.builder().namespace(ns).name(name).target(ns + "/eval").buildNew());
      eventually().until(() -> harness.jobOf(ns, name) != null);
    }
    eventually().until(() -> queued() == 2);
    assertThat(active()).containsExactly("task-1");

    // the owner's reconcile ends the task JobDeleted without releasing: the deletion event itself
    // must wake the next queued task, and only as many as there are free slots
    harness.client().resource(harness.jobOf(ns, "task-1")).delete();
    eventually().until(this::active, a -> a.equals(List.of("task-2")));
    eventually().until(() -> harness.status(ns, "task-1").getPhase() == TaskPhase.Failed);
    assertThat(queued()).isEqualTo(1);
    assertThat(mostActive.get()).isEqualTo(1);
  }

  @Test
  void restartedOperatorAdoptsExistingJobsInsteadOfCreatingNewOnes() {
    harness.createPool(TestPools.pool(ns + "-open", ns + "/*"));
    for (String name : TASKS) {
      harness.createTask(
          TestTasks.builder().namespace(ns).name(name).target(ns + "/eval").buildNew());
    }
    eventually().until(() -> harness.jobs(ns).size() == 5);
    harness.restartOperator();
    harness.createTask(
        TestTasks.builder().namespace(ns).name("task-6").target(ns + "/eval").buildNew());
    eventually().until(() -> harness.jobs(ns).size() == 6);
    eventually().until(() -> harness.status(ns, "task-6").getJobName() != null);
    assertThat(harness.operator().metrics().jobsCreated()).isEqualTo(1.0);
    assertThat(harness.jobs(ns)).hasSize(6);
  }
}
