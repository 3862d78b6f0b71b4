package us.anth.plexus.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.StageDeclaration;
import us.anth.plexus.devkit.EmbeddedKubeApi;
import us.anth.plexus.runner.publish.KubernetesStatusSink;
import us.anth.plexus.runner.publish.ProgressSink;
import us.anth.plexus.runner.publish.PublishPolicy;
import us.anth.plexus.runner.publish.StatusPublisher;
import us.anth.plexus.runner.publish.TaskRef;
import us.anth.plexus.runner.publish.TaskSnapshot;

/** Progress writes are coalesced: thousands of increments become a handful of PATCHes. */
class PublishRateIT {
  @Test
  void tenThousandIncrementsInTwoSecondsProduceAHandfulOfPatches() throws Exception {
    try (EmbeddedKubeApi api = EmbeddedKubeApi.start()) {
      String namespace = TestTasks.randomNamespace();
      PlexusTask task =
          TestTasks.create(
              api.client(),
              namespace,
              "evaluate",
              List.of(new StageDeclaration("Processing", 1, 10_000L)));
      KubernetesStatusSink kubernetes = new KubernetesStatusSink(api.client());
      AtomicInteger patches = new AtomicInteger();
      ProgressSink counting =
          new ProgressSink() {
            @Override
            public String name() {
              return "counting-kubernetes";
            }

            @Override
            public void publish(TaskSnapshot snapshot) {
              patches.incrementAndGet();
              kubernetes.publish(snapshot);
            }
          };
      TaskRun run =
          new TaskRun(
              new TaskRef(namespace, "task-1", "task-id-1"),
              task.getSpec().getStages(),
              1024,
              Clock.systemUTC(),
              line -> {});
      StatusPublisher publisher =
          new StatusPublisher(List.of(counting), run::snapshot, PublishPolicy.DEFAULT, line -> {});
      run.addListener(publisher);
      int requestsBefore = api.server().getRequestCount();

      run.tracker().startStage("Processing", null, null, null);
      long start = System.nanoTime();
      for (long i = 1; i <= 10_000; i++) {
        run.tracker().progress(null, i, null, null);
        long due = start + Duration.ofSeconds(2).toNanos() * i / 10_000;
        while (System.nanoTime() < due) {
          Thread.onSpinWait();
        }
      }
      run.finish(RunResult.success());
      assertThat(publisher.finish(Duration.ofSeconds(10))).isTrue();

      assertThat(patches.get()).isBetween(2, 10);
      assertThat(api.server().getRequestCount() - requestsBefore).isEqualTo(patches.get());
      PlexusTaskStatus status = TestTasks.status(api.client(), task);
      assertThat(status.getStages().get(0).getProcessedItems()).isEqualTo(10_000L);
      assertThat(status.getProgress()).isEqualTo("10000/10000 (100%)");
    }
  }
}
