package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Optional;
import us.anth.plexus.api.PlexusTaskSpec;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.audit.AuditEntry;
import us.anth.plexus.api.audit.AuditKind;
import us.anth.plexus.api.rollback.RollbackSpec;
import us.anth.plexus.api.rollback.RollbackStatus;
import us.anth.plexus.api.target.InvalidTargetException;
import us.anth.plexus.api.target.Target;
import us.anth.plexus.operator.OperatorConfig;
import us.anth.plexus.operator.model.PoolRouter;
import us.anth.plexus.operator.model.RollbackJobBuilder;
import us.anth.plexus.operator.model.RollbackOutcome;
import us.anth.plexus.operator.model.RollbackTrigger;

/**
 * Runs a failed task's {@code spec.rollback} once, as its own Job, and records the outcome
 * (status.rollback, condition RolledBack or RollbackFailed, the audit trail). Runs after the step
 * chain, so also for tasks already final. The Job's deterministic name is the once-only guard: a
 * create that finds it already there (a restarted operator) adopts it.
 */
final class RollbackStep {
  static final String ROLLED_BACK = "RolledBack";
  static final String ROLLBACK_FAILED = "RollbackFailed";

  private final TaskCaches caches;
  private final JobClient jobs;
  private final OperatorConfig config;

  RollbackStep(TaskCaches caches, JobClient jobs, OperatorConfig config) {
    this.caches = caches;
    this.jobs = jobs;
    this.config = config;
  }

  void apply(TaskRun run) {
    RollbackStatus state = run.draft.getRollback();
    if (state == null) {
      RollbackTrigger.of(run.task.getSpec(), run.draft).ifPresent(why -> start(run, why));
    } else if (!state.ended()) {
      Job job = caches.job(run.namespace(), state.getJobName()).orElse(null);
      RollbackOutcome.of(
              state,
              job,
              job == null
                  ? java.util.List.of()
                  : caches.podsOf(run.namespace(), state.getJobName()),
              run.now)
          .ifPresent(ended -> end(run, ended));
    }
  }

  private void start(TaskRun run, String why) {
    RollbackSpec spec = run.task.getSpec().getRollback();
    RollbackStatus state = new RollbackStatus();
    state.setTrigger(why);
    state.setStartedAt(run.nowText());
    Optional<PlexusWorkerPool> pool = pool(run, spec);
    if (pool.isEmpty()) {
      state.setState(RollbackStatus.FAILED);
      state.setCompletedAt(run.nowText());
      state.setMessage("no PlexusWorkerPool for the rollback (" + where(spec) + ")");
      end(run, state);
      return;
    }
    Job job = RollbackJobBuilder.build(run.task, pool.get(), config);
    try {
      caches.jobCreated(jobs.create(job));
    } catch (KubernetesClientException e) {
      if (e.getCode() != 422) {
        throw e;
      }
      state.setState(RollbackStatus.FAILED);
      state.setCompletedAt(run.nowText());
      state.setMessage("the API server rejected rollback Job: " + e.getStatus().getMessage());
      end(run, state);
      return;
    }
    state.setState(RollbackStatus.RUNNING);
    state.setJobName(job.getMetadata().getName());
    state.setPool(pool.get().getMetadata().getName());
    String message =
        why + "; rollback Job " + state.getJobName() + " created on pool " + state.getPool();
    state.setMessage(message);
    run.draft.setRollback(state);
    run.condition(ROLLED_BACK, false, "RollbackRunning", message);
    AuditTrail.operator(run, AuditKind.ROLLBACK_STARTED, message);
  }

  private void end(TaskRun run, RollbackStatus ended) {
    run.draft.setRollback(ended);
    boolean succeeded = RollbackStatus.SUCCEEDED.equals(ended.getState());
    String kind = succeeded ? AuditKind.ROLLED_BACK : AuditKind.ROLLBACK_FAILED;
    run.condition(ROLLED_BACK, succeeded, kind, ended.getMessage());
    if (!succeeded) {
      run.condition(ROLLBACK_FAILED, true, kind, ended.getMessage());
    }
    AuditTrail.record(
        run,
        AuditEntry.of(kind, AuditTrail.OPERATOR, ended.getMessage(), run.now)
            .exitCode(ended.getExitCode()));
  }

  /** rollback.pool, else the pool routed from rollback.target, else the task's own pool. */
  private Optional<PlexusWorkerPool> pool(TaskRun run, RollbackSpec spec) {
    if (spec.getPool() == null && spec.getTarget() == null) {
      return caches.pool(run.draft.getPool());
    }
    PlexusTaskSpec routing = new PlexusTaskSpec();
    routing.setPool(spec.getPool());
    try {
      Target target = Target.orDefault(spec.getTarget());
      return PoolRouter.route(routing, target, caches.pools());
    } catch (InvalidTargetException e) {
      return Optional.empty();
    }
  }

  private static String where(RollbackSpec spec) {
    if (spec.getPool() != null) {
      return "pool " + spec.getPool() + " does not exist or is not Ready";
    }
    return spec.getTarget() != null
        ? "no pool matches target " + spec.getTarget()
        : "the task's pool is gone";
  }
}
