package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.List;
import us.anth.plexus.operator.model.StageEnding;

/**
 * After a task ends: once no pod of its Job can still run the runner, writes what the runner's
 * termination message holds and the status lacks, ends the stages the runner left RUNNING or
 * PENDING and records the exit code the pod reports (e.g. 137 after SIGKILL or the OOM killer) when
 * the runner wrote none; see {@link StageEnding}.
 */
final class StageEndStep {
  static final Duration RUNNER_EXIT_RECHECK = Duration.ofSeconds(5);

  private final TaskCaches caches;

  StageEndStep(TaskCaches caches) {
    this.caches = caches;
  }

  void apply(TaskRun run) {
    if (!run.draft.getPhase().isFinal()) {
      return;
    }
    String jobName = run.draft.getJobName();
    List<Pod> pods = jobName == null ? List.of() : caches.podsOf(run.namespace(), jobName);
    if (StageEnding.runnerMayStillWrite(pods)) {
      run.recheckAfter(RUNNER_EXIT_RECHECK);
      return;
    }
    StageEnding.of(
            run.task.getStatus(),
            run.draft.getPhase(),
            StageEnding.podExitCode(pods).orElse(null),
            StageEnding.podRunnerFinal(pods).orElse(null),
            run.nowText())
        .ifPresent(fill -> run.runnerFill = fill);
  }
}
