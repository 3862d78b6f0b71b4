package us.anth.plexus.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.List;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.operator.OperatorConfig;
import us.anth.plexus.operator.model.JobBuilder;
import us.anth.plexus.operator.model.JobNames;
import us.anth.plexus.operator.testing.TestPools;
import us.anth.plexus.operator.testing.TestTasks;

class TaskMappersTest {
  private static PlexusTask task(String name, TaskPhase phase, String pool, String jobName) {
    PlexusTask task = TestTasks.builder().namespace("ns").name(name).build();
    if (phase != null) {
      PlexusTaskStatus status = new PlexusTaskStatus();
      status.setPhase(phase);
      status.setPool(pool);
      status.setJobName(jobName);
      task.setStatus(status);
    }
    return task;
  }

  private final List<PlexusTask> tasks =
      List.of(
          task("queued-here", TaskPhase.Queued, "gpu", "j1"),
          task("queued-elsewhere", TaskPhase.Queued, "cpu", "j2"),
          task("running-here", TaskPhase.Running, "gpu", "j3"),
          task("waiting", TaskPhase.Pending, null, null),
          task("new", null, null, null),
          task("done", TaskPhase.Succeeded, "gpu", "j4"));

  private static Job jobOf(String taskName) {
    PlexusTask owner = TestTasks.builder().namespace("ns").name(taskName).build();
    return JobBuilder.build(owner, TestPools.pool("gpu", "*/*"), OperatorConfig.defaults());
  }

  private final Job finished = jobOf("finished");
  private final Job next = jobOf("queued-here");

  /**
   * The mappers over an index of {@link #tasks} built as the task cache's index is; the Job {@link
   * #finished} leaves a slot that {@link #next} takes, as PoolSlots#takersOfSlot would say.
   */
  private final TaskMappers mappers =
      new TaskMappers(
          key -> tasks.stream().filter(t -> TaskMappers.indexKeys(t).contains(key)).toList(),
          job -> job == finished ? List.of(next) : List.of());

  @Test
  void aJobThatHoldsOrWaitsForASlotReachesOnlyItsOwnTask() {
    assertThat(mappers.jobToTasks(jobOf("running")))
        .containsExactly(new ResourceID("running", "ns"));
  }

  @Test
  void aJobThatLeftASlotAlsoReachesTheTasksOfTheJobsThatTakeItNotTheWholeQueue() {
    assertThat(mappers.jobToTasks(finished))
        .containsExactlyInAnyOrder(
            new ResourceID("finished", "ns"), new ResourceID("queued-here", "ns"));
  }

  @Test
  void queuedTasksAreIndexedOnTheirPoolOnly() {
    assertThat(TaskMappers.indexKeys(tasks.get(0))).containsExactly("pool:gpu");
  }

  @Test
  void poolEventsReachUnfinishedTasksWithoutAJobOrOnThatPool() {
    assertThat(mappers.poolToTasks(TestPools.pool("gpu", "*/*")))
        .containsExactlyInAnyOrder(
            new ResourceID("queued-here", "ns"),
            new ResourceID("running-here", "ns"),
            new ResourceID("waiting", "ns"),
            new ResourceID("new", "ns"));
  }

  @Test
  void ownedObjectsWithoutTaskMarkersMapToNothing() {
    Job stranger =
        new io.fabric8.kubernetes.api.model.batch.v1.JobBuilder()
            .withNewMetadata()
            .withName("x")
            .withNamespace("ns")
            .endMetadata()
            .build();
    assertThat(TaskMappers.owningTask(stranger)).isEmpty();
    assertThat(mappers.jobToTasks(stranger)).isEmpty();
  }

  @Test
  void aTaskMapsToItsPoolOnceRoutedAndToItsOwnJob() {
    PlexusTask queued = tasks.get(0);
    assertThat(TaskMappers.poolOf(queued)).containsExactly(new ResourceID("gpu"));
    assertThat(TaskMappers.poolOf(tasks.get(4))).isEmpty();
    assertThat(TaskMappers.jobsOf(queued))
        .containsExactly(new ResourceID(JobNames.forTask(queued), "ns"));
  }
}
