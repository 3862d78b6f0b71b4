package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Duration;
import java.util.Optional;
import us.anth.plexus.operator.model.Conditions;
import us.anth.plexus.operator.model.JobObservation;
import us.anth.plexus.operator.model.PodStartProblem;

/**
 * Acts on a task whose pod does not start: condition Ready=False with the problem as reason and one
 * Warning Event per reason; a permanent problem fails the task once the start grace has ended; a
 * Job that has created no pod is reported (with the Job controller's FailedCreate message) once the
 * grace has ended.
 */
final class PodStartWatch {
  private final Duration grace;
  private final JobCreateFailures createFailures;

  PodStartWatch(Duration grace, JobCreateFailures createFailures) {
    this.grace = grace;
    this.createFailures = createFailures;
  }

  /**
   * Sets Ready for an unfinished observation. Returns true when the task has just been drafted
   * Failed, so the caller stops its Job.
   */
  boolean judge(TaskRun run, JobObservation seen) {
    PodStartProblem problem = seen.startProblem();
    if (problem == null) {
      run.ready(false, seen.reason(), seen.message());
      return false;
    }
    Duration left = problem.graceLeft(run.now, grace);
    boolean graceOver = left.isZero() || left.isNegative();
    switch (problem.kind()) {
      case SUSPECTED -> {
        if (graceOver) {
          String headline = problem.message() + " in " + seconds();
          warn(run, problem.reason(), headline + why(run, problem.reason(), headline));
        } else {
          run.ready(false, seen.reason(), seen.message());
          run.recheckAfter(left);
        }
        return false;
      }
      case PERMANENT -> {
        if (graceOver) {
          run.fail(
              problem.reason(), "pod did not start in " + seconds() + ": " + problem.message());
          return true;
        }
        warn(run, problem.reason(), problem.message());
        run.recheckAfter(left);
        return false;
      }
      default -> {
        warn(run, problem.reason(), problem.message());
        return false;
      }
    }
  }

  /**
   * ": <FailedCreate message>" or a pointer to kubectl. The Events are read only while Ready does
   * not yet carry a FailedCreate message for this reason, not on every reconcile.
   */
  private String why(TaskRun run, String reason, String headline) {
    String found = headline + ": ";
    Optional<String> known =
        Conditions.find(run.draft.getConditions(), Conditions.READY)
            .filter(c -> reason.equals(c.getReason()) && "False".equals(c.getStatus()))
            .map(Condition::getMessage)
            .filter(m -> m != null && m.startsWith(found));
    if (known.isPresent()) {
      return known.get().substring(headline.length());
    }
    String job = run.draft.getJobName();
    return createFailures
        .latest(run.namespace(), job)
        .map(message -> ": " + message)
        .orElse("; see kubectl describe job " + job);
  }

  private String seconds() {
    return grace.toSeconds() + "s";
  }

  private static void warn(TaskRun run, String reason, String message) {
    run.warnIf(run.ready(false, reason, message), reason, message);
  }
}
