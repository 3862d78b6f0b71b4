package us.anth.plexus.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.devkit.EmbeddedKubeApi;
import us.anth.plexus.runner.publish.KubernetesStatusSink;
import us.anth.plexus.runner.publish.PublishPolicy;
import us.anth.plexus.runner.publish.StatusPublisher;

/** Progress writes are coalesced: thousands of increments become a handful of PATCHes. */
class PublishRateIT {
  @Test
  void tenThousandIncrementsInTwoSecondsProduceAHandfulOfPatches() throws Exception {
    try (EmbeddedKubeApi api = EmbeddedKubeApi.start()) {
      PlexusTask task = PacedProgress.createTask(api.client(), TestTasks.randomNamespace(), 10_000);
      CountingSink counting = new CountingSink(new KubernetesStatusSink(api.client()));
      TaskRun run = PacedProgress.runOf(task, line -> {});
      StatusPublisher publisher =
          new StatusPublisher(List.of(counting), run::snapshot, PublishPolicy.DEFAULT, line -> {});
      run.addListener(publisher);
      int requestsBefore = api.server().getRequestCount();

      PacedProgress.feed(run, 10_000, Duration.ofSeconds(2));
      assertThat(publisher.finish(Duration.ofSeconds(10))).isTrue();

      assertThat(counting.attempts()).isBetween(2, 10);
      assertThat(api.server().getRequestCount() - requestsBefore).isEqualTo(counting.attempts());
      PlexusTaskStatus status = TestTasks.status(api.client(), task);
      assertThat(status.getStages().get(0).getProcessedItems()).isEqualTo(10_000L);
      assertThat(status.getProgress()).isEqualTo("10000/10000 (100%)");
    }
  }
}
