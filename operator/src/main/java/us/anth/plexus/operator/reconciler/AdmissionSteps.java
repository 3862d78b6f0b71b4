package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import us.anth.plexus.api.DispatchStatus;
import us.anth.plexus.api.DryRunReport;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskSpec;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.api.approval.ApprovalStatus;
import us.anth.plexus.api.audit.AuditKind;
import us.anth.plexus.api.target.InvalidTargetException;
import us.anth.plexus.api.target.Target;
import us.anth.plexus.operator.OperatorConfig;
import us.anth.plexus.operator.model.Conditions;
import us.anth.plexus.operator.model.DependencyCycles;
import us.anth.plexus.operator.model.JobBuilder;
import us.anth.plexus.operator.model.JobNames;
import us.anth.plexus.operator.model.PoolRouter;

/** The steps before a Job exists: validate, dependencies, route and dry run. */
final class AdmissionSteps {
  static final Duration DEPENDENCY_RECHECK = Duration.ofSeconds(5);

  private final TaskCaches caches;
  private final OperatorConfig config;

  AdmissionSteps(TaskCaches caches, OperatorConfig config) {
    this.caches = caches;
    this.config = config;
  }

  /** A spec the schema accepted but that cannot run ends Failed/InvalidSpec, once. */
  boolean validate(TaskRun run) {
    PlexusTaskSpec spec = run.task.getSpec();
    if (spec == null || spec.getCommand() == null || spec.getCommand().isBlank()) {
      run.fail("InvalidSpec", "spec.command is required");
      run.draft.setDispatchStatus(DispatchStatus.ERROR);
      return false;
    }
    try {
      run.target = Target.orDefault(spec.getTarget());
      return true;
    } catch (InvalidTargetException e) {
      run.fail("InvalidSpec", e.getMessage());
      run.draft.setDispatchStatus(DispatchStatus.ERROR);
      return false;
    }
  }

  /**
   * Waits for every task in spec.dependsOn to succeed; fails when one failed or was cancelled, and
   * with reason DependencyCycle, naming the cycle, when the dependencies lead back to this task.
   */
  boolean dependencies(TaskRun run) {
    List<String> dependsOn = run.task.getSpec().getDependsOn();
    if (dependsOn == null || dependsOn.isEmpty()) {
      return true;
    }
    Optional<List<String>> cycle =
        DependencyCycles.through(run.name(), name -> dependsOn(run, name));
    if (cycle.isPresent()) {
      run.fail("DependencyCycle", "dependency cycle: " + DependencyCycles.describe(cycle.get()));
      return false;
    }
    for (String name : dependsOn) {
      Optional<PlexusTask> dependency = caches.task(run.namespace(), name);
      TaskPhase phase = dependency.map(PlexusTask::getStatus).map(s -> s.getPhase()).orElse(null);
      if (phase == TaskPhase.Failed || phase == TaskPhase.Cancelled) {
        run.fail("DependencyFailed", "dependency " + name + " ended " + phase);
        return false;
      }
      if (phase != TaskPhase.Succeeded) {
        String message =
            dependency.isEmpty()
                ? "waiting for dependency " + name + " (not found)"
                : "waiting for dependency "
                    + name
                    + " ("
                    + (phase == null ? "Pending" : phase)
                    + ")";
        run.draft.setPhase(TaskPhase.Pending);
        run.ready(false, "WaitingForDependencies", message);
        run.recheckAfter(DEPENDENCY_RECHECK);
        return false;
      }
    }
    return true;
  }

  /** The dependencies of task {@code name} in the run's namespace (this task: as read now). */
  private List<String> dependsOn(TaskRun run, String name) {
    PlexusTask task =
        name.equals(run.name()) ? run.task : caches.task(run.namespace(), name).orElse(null);
    List<String> names =
        task == null || task.getSpec() == null ? null : task.getSpec().getDependsOn();
    return names == null ? List.of() : names;
  }

  /** Chooses the pool; without one the task stays Pending with Scheduled=False/NoMatchingPool. */
  boolean route(TaskRun run) {
    Optional<PlexusWorkerPool> routed =
        Optional.ofNullable(run.draft.getJobName() == null ? null : run.draft.getPool())
            .flatMap(caches::pool)
            .or(() -> PoolRouter.route(run.task.getSpec(), run.target, caches.pools()));
    if (routed.isPresent()) {
      run.pool = routed.get();
      String name = run.pool.getMetadata().getName();
      run.condition(Conditions.SCHEDULED, true, "PoolSelected", "routed to pool " + name);
      AuditTrail.operator(
          run, AuditKind.ROUTED, "routed to pool " + name + " for target " + run.target);
      return true;
    }
    if (caches.job(run.namespace(), JobNames.forTask(run.task)).isPresent()) {
      return true; // the pool was deleted after the Job was created: keep observing the Job
    }
    String pinned = run.task.getSpec().getPool();
    String message =
        pinned == null || pinned.isBlank()
            ? "no PlexusWorkerPool matches target " + run.target
            : "PlexusWorkerPool " + pinned + " named in spec.pool does not exist or is not Ready";
    run.draft.setDispatchStatus(DispatchStatus.PENDING);
    run.hold(TaskPhase.Pending, Conditions.SCHEDULED, "NoMatchingPool", message, "Warning");
    return false;
  }

  /**
   * Plans without acting: stores the exact Job a real run would create (the same builder and
   * defaults), the risk and whether approval would be needed (assessed by the approval step just
   * before, which lets dry runs through: a dry run creates nothing), and ends Succeeded.
   */
  boolean dryRun(TaskRun run) {
    if (!run.task.getSpec().dryRunRequested()) {
      return true;
    }
    var job = JobBuilder.build(run.task, run.pool, config);
    ApprovalStatus approval = run.draft.getApproval();
    boolean approvalRequired = approval != null && Boolean.TRUE.equals(approval.getRequired());
    DryRunReport report = new DryRunReport();
    report.setJob(Serialization.jsonMapper().valueToTree(job));
    report.setRisk(run.draft.getRisk() == null ? null : run.draft.getRisk().name());
    report.setApprovalRequired(approvalRequired);
    if (approvalRequired) {
      report.setApprovalReason(
          "pool "
              + run.pool.getMetadata().getName()
              + " requires approval from "
              + approval.getRequiredFrom()
              + " (rule '"
              + approval.getRule()
              + "')");
    }
    String message =
        "dry run: would create Job "
            + job.getMetadata().getName()
            + " on pool "
            + run.pool.getMetadata().getName()
            + (approvalRequired ? " after approval" : "");
    run.draft.setDryRun(report);
    run.draft.setJobName(job.getMetadata().getName());
    run.draft.setPool(run.pool.getMetadata().getName());
    run.draft.setPhase(TaskPhase.Succeeded);
    if (run.draft.getCompletedAt() == null) {
      run.draft.setCompletedAt(run.nowText());
    }
    run.noteIf(run.ready(true, "DryRun", message), "DryRun", message);
    AuditTrail.operator(run, AuditKind.DRY_RUN, message);
    return false;
  }
}
