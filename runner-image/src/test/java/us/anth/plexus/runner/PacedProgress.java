package us.anth.plexus.runner;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.StageDeclaration;
import us.anth.plexus.runner.publish.TaskRef;

/**
 * A run of one counted "Processing" stage fed evenly paced increments, as a busy command would: the
 * load of the publish-rate test and the progress write benchmark.
 */
public final class PacedProgress {
  private PacedProgress() {}

  /** Creates a task whose only declared stage is "Processing" with {@code total} items. */
  public static PlexusTask createTask(KubernetesClient client, String namespace, long total) {
    return TestTasks.create(
        client, namespace, "evaluate", List.of(new StageDeclaration("Processing", 1, total)));
  }

  /** A run serving {@code task} (1 KiB tails, the system clock). */
  public static TaskRun runOf(PlexusTask task, Consumer<String> log) {
    TaskRef ref =
        new TaskRef(
            task.getMetadata().getNamespace(),
            task.getMetadata().getName(),
            task.getSpec().getTaskId());
    return new TaskRun(ref, task.getSpec().getStages(), 1024, Clock.systemUTC(), log);
  }

  /**
   * Starts "Processing", reports 1..{@code increments} spread evenly over {@code spread}
   * (busy-waiting between increments), then ends the run successfully.
   */
  public static void feed(TaskRun run, long increments, Duration spread) {
    long start = System.nanoTime();
    run.tracker().startStage("Processing", null, null, null);
    for (long i = 1; i <= increments; i++) {
      run.tracker().progress(null, i, null, null);
      long due = start + spread.toNanos() * i / increments;
      while (System.nanoTime() < due) {
        Thread.onSpinWait();
      }
    }
    run.finish(RunResult.success());
  }
}
