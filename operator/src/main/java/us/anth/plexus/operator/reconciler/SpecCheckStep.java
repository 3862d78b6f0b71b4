package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import us.anth.plexus.api.CelRules;
import us.anth.plexus.api.DispatchStatus;
import us.anth.plexus.api.PlexusTaskSpec;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.api.command.CommandSyntaxException;
import us.anth.plexus.api.command.CommandWords;
import us.anth.plexus.api.job.JobContract;
import us.anth.plexus.api.rules.SchemaRules;
import us.anth.plexus.api.target.InvalidTargetException;
import us.anth.plexus.api.target.Target;
import us.anth.plexus.operator.model.Conditions;
import us.anth.plexus.operator.model.JobEnv;
import us.anth.plexus.operator.model.JobNames;

/**
 * The first check of a task, the operator's own backstop for every rule the CRD states (the schema
 * may not be applied): fields that cannot be read, the schema's bounds ({@link SchemaRules}), the
 * CEL rules ({@link CelRules}, transition rules against what the Job was created with), the
 * command's quoting and the target grammar. Before a Job exists a problem ends the task
 * Failed/InvalidSpec; afterwards it is reported (SpecValid=False and a Warning Event) and the Job
 * keeps running what it was created with, which is also what the DynamoDB record says. Unknown
 * fields are logged once and ignored.
 */
final class SpecCheckStep {
  private final TaskCaches caches;
  private final UnknownFields unknownFields;

  SpecCheckStep(TaskCaches caches, UnknownFields unknownFields) {
    this.caches = caches;
    this.unknownFields = unknownFields;
  }

  boolean check(TaskRun run) {
    PlexusTaskSpec spec = run.task.getSpec();
    if (spec == null) {
      return reject(run, "InvalidSpec", List.of("spec: Required value"));
    }
    unknownFields.logOnce(run.task, spec.readProblems(), "spec");
    List<String> problems = new ArrayList<>();
    if (!spec.readProblems().readable()) {
      problems.add(spec.readProblems().describeUnreadable("spec"));
    }
    problems.addAll(SchemaRules.violations(spec, "spec"));
    try {
      CommandWords.split(spec.getCommand());
    } catch (CommandSyntaxException e) {
      problems.add("spec.command: " + e.getMessage());
    }
    try {
      Target.parse(spec.getTarget());
    } catch (InvalidTargetException e) {
      problems.add("spec.target: " + e.getMessage());
    }
    List<String> always = CelRules.violations(spec, null);
    List<String> changed =
        CelRules.violations(spec, created(run).orElse(null)).stream()
            .filter(v -> !always.contains(v))
            .toList();
    problems.addAll(always);
    problems.addAll(changed);
    if (problems.isEmpty()) {
      if (Conditions.find(run.draft.getConditions(), Conditions.SPEC_VALID).isPresent()) {
        run.condition(Conditions.SPEC_VALID, true, "Valid", "the spec is valid");
      }
      return true;
    }
    String reason = problems.size() == changed.size() ? "ImmutableFieldChanged" : "InvalidSpec";
    return reject(run, reason, problems);
  }

  /**
   * The spec as the Job was created with it (command, target and taskId from its env; cancel from
   * the status), the {@code oldSelf} of the CEL transition rules; empty before the Job exists.
   */
  private Optional<PlexusTaskSpec> created(TaskRun run) {
    if (run.draft.getJobName() == null) {
      return Optional.empty();
    }
    Optional<Job> job = caches.job(run.namespace(), JobNames.forTask(run.task));
    return job.map(j -> j.getSpec().getTemplate().getSpec().getContainers())
        .filter(containers -> !containers.isEmpty())
        .map(containers -> JobEnv.asMap(containers.get(0).getEnv()))
        .filter(env -> env.containsKey(JobContract.ENV_COMMAND))
        .map(env -> oldSpec(env, run));
  }

  private static PlexusTaskSpec oldSpec(Map<String, String> env, TaskRun run) {
    PlexusTaskSpec old = new PlexusTaskSpec();
    old.setCommand(env.get(JobContract.ENV_COMMAND));
    old.setTarget(env.get(JobContract.ENV_TARGET));
    old.setTaskId(env.get(JobContract.ENV_TASK_ID));
    old.setCancel(
        run.draft.getCancelledBy() != null || run.draft.getPhase() == TaskPhase.Cancelled);
    return old;
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
