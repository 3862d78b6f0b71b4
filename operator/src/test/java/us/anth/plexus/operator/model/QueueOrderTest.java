package us.anth.plexus.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusLabels;

class QueueOrderTest {
  private static Job job(String name, String taskCreated, String queuedAt) {
    Job job =
        new JobBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace("ns")
            .withAnnotations(
                Map.of(PlexusLabels.TASK_NAME, name, JobLabels.TASK_CREATED, taskCreated))
            .endMetadata()
            .build();
    return queuedAt == null ? job : QueueOrder.stamped(job, Instant.parse(queuedAt));
  }

  private static List<String> sorted(Job... jobs) {
    List<Job> list = new ArrayList<>(List.of(jobs));
    list.sort(QueueOrder.OLDEST_FIRST);
    return list.stream().map(j -> j.getMetadata().getName()).toList();
  }

  @Test
  void sameSecondIsOrderedByTheQueueStampNotTheName() {
    assertThat(
            sorted(
                job("task-1", "2026-11-23T10:00:00Z", "2026-11-23T10:00:00.900001Z"),
                job("task-2", "2026-11-23T10:00:00Z", "2026-11-23T10:00:00.300000Z"),
                job("task-3", "2026-11-23T10:00:00Z", "2026-11-23T10:00:00.300001Z")))
        .containsExactly("task-2", "task-3", "task-1");
  }

  @Test
  void olderTaskSecondWinsOverAnEarlierStamp() {
    assertThat(
            sorted(
                job("late", "2026-11-23T10:00:01Z", "2026-11-23T10:00:01.000Z"),
                job("early", "2026-11-23T10:00:00Z", "2026-11-23T10:00:02.000Z")))
        .containsExactly("early", "late");
  }

  @Test
  void unstampedJobsComeFirstThenByName() {
    assertThat(
            sorted(
                job("b", "2026-11-23T10:00:00Z", "2026-11-23T10:00:00.100Z"),
                job("z", "2026-11-23T10:00:00Z", null),
                job("a", "2026-11-23T10:00:00Z", null)))
        .containsExactly("a", "z", "b");
  }

  @Test
  void stampKeepsTheOtherAnnotations() {
    Job job = job("t", "2026-11-23T10:00:00Z", "2026-11-23T10:00:00.123456Z");
    assertThat(job.getMetadata().getAnnotations())
        .containsEntry(QueueOrder.QUEUED_AT, "2026-11-23T10:00:00.123456Z")
        .containsEntry(PlexusLabels.TASK_NAME, "t");
  }
}
