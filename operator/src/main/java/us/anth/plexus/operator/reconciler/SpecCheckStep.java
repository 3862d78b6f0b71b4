package us.anth.plexus.operator.reconciler;

import java.util.ArrayList;
import java.util.List;
import us.anth.plexus.api.DispatchStatus;
import us.anth.plexus.api.PlexusTaskSpec;
import us.anth.plexus.operator.model.Conditions;

/**
 * The first check of a task: a spec that could not be fully read (a field of the wrong type) ends
 * the task Failed/InvalidSpec naming the field before anything is created; once its Job exists, the
 * problem is reported (condition SpecValid=False and a Warning Event) and the Job kept. Unknown
 * fields are logged once and ignored.
 */
final class SpecCheckStep {
  private final UnknownFields unknownFields;

  SpecCheckStep(UnknownFields unknownFields) {
    this.unknownFields = unknownFields;
  }

  boolean check(TaskRun run) {
    PlexusTaskSpec spec = run.task.getSpec();
    if (spec == null) {
      return reject(run, "InvalidSpec", List.of("spec is required"));
    }
    unknownFields.logOnce(run.task, spec.readProblems(), "spec");
    List<String> problems = new ArrayList<>();
    if (!spec.readProblems().readable()) {
      problems.add(spec.readProblems().describeUnreadable("spec"));
    }
    if (problems.isEmpty()) {
      if (Conditions.find(run.draft.getConditions(), Conditions.SPEC_VALID).isPresent()) {
        run.condition(Conditions.SPEC_VALID, true, "Valid", "the spec is valid");
      }
      return true;
    }
    return reject(run, "InvalidSpec", problems);
  }

  private static boolean reject(TaskRun run, String reason, List<String> problems) {
    String message = String.join("; ", problems);
    if (run.draft.getJobName() == null) {
      run.fail(reason, message);
      run.draft.setDispatchStatus(DispatchStatus.ERROR);
      return false;
    }
    run.warnIf(run.condition(Conditions.SPEC_VALID, false, reason, message), reason, message);
    return true;
  }
}
