package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import us.anth.plexus.api.DispatchStatus;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.api.audit.AuditEntry;
import us.anth.plexus.api.audit.AuditKind;
import us.anth.plexus.operator.OperatorConfig;
import us.anth.plexus.operator.model.AttemptEntries;
import us.anth.plexus.operator.model.JobBuilder;
import us.anth.plexus.operator.model.JobNames;
import us.anth.plexus.operator.model.JobObservation;
import us.anth.plexus.operator.model.JobStates;
import us.anth.plexus.operator.model.PhaseResolver;
import us.anth.plexus.operator.runtime.OperatorMetrics;

/** The steps around the task's Job: cancel, ensure (with concurrency), observe. */
final class JobSteps {
  private final TaskCaches caches;
  private final JobClient jobs;
  private final PoolSlots slots;
  private final OperatorConfig config;
  private final OperatorMetrics metrics;
  private final PodStartWatch startWatch;

  JobSteps(
      TaskCaches caches,
      JobClient jobs,
      PoolSlots slots,
      OperatorConfig config,
      OperatorMetrics metrics,
      PodStartWatch startWatch) {
    this.caches = caches;
    this.jobs = jobs;
    this.slots = slots;
    this.config = config;
    this.metrics = metrics;
    this.startWatch = startWatch;
  }

  /** spec.cancel: deletes the Job (foreground) and ends the task Cancelled. */
  boolean cancel(TaskRun run) {
    if (!run.task.getSpec().cancelRequested()) {
      return true;
    }
    stopJob(run.task);
    String by = orElse(run.task.getSpec().getCancelRequestedBy(), "unknown");
    run.draft.setPhase(TaskPhase.Cancelled);
    run.draft.setCancelledBy(by);
    run.draft.setCancelledAt(orElse(run.draft.getCancelledAt(), run.nowText()));
    run.draft.setCompletedAt(orElse(run.draft.getCompletedAt(), run.nowText()));
    String message = "Cancelled by " + by;
    run.draft.setErrorMessage(message);
    run.noteIf(run.ready(false, "Cancelled", message), "Cancelled", message);
    AuditTrail.record(run, AuditEntry.of(AuditKind.CANCELLED, by, message, run.now));
    return false;
  }

  /** Deletes the task's Job, if any, and hands its slot to the next queued task. */
  void stopJob(PlexusTask task) {
    jobs.deleteForeground(task.getMetadata().getNamespace(), JobNames.forTask(task));
    String pool = task.getStatus() == null ? null : task.getStatus().getPool();
    caches.pool(pool).ifPresent(p -> slots.releaseFreeSlots(p));
  }

  /** Creates the one Job of the task (suspended when the pool is full), tolerating 409. */
  boolean ensureJob(TaskRun run) {
    String name = JobNames.forTask(run.task);
    run.job = caches.job(run.namespace(), name).orElse(null);
    if (run.job == null && name.equals(run.draft.getJobName())) {
      // Our own creates are in the cache at once (caches.jobCreated), so a Job this task already
      // had and the cache lacks is gone.
      run.fail("JobDeleted", "Job " + name + " was deleted before the task finished");
      return false;
    }
    if (run.job == null && run.pool != null) {
      try {
        run.job =
            slots.create(
                run.pool, suspended -> JobBuilder.build(run.task, run.pool, config, suspended));
        caches.jobCreated(run.job);
        metrics.jobCreated();
        run.noteIf(
            true,
            "JobCreated",
            "created Job " + name + " on pool " + run.pool.getMetadata().getName());
      } catch (KubernetesClientException e) {
        if (e.getCode() != 422) {
          throw e;
        }
        run.fail(
            "InvalidSpec",
            "the API server rejected Job " + name + ": " + e.getStatus().getMessage());
        run.draft.setDispatchStatus(DispatchStatus.ERROR);
        return false;
      }
    } else if (run.job != null && run.pool != null && !JobStates.isActive(run.job)) {
      slots.releaseFreeSlots(run.pool);
    }
    if (run.job == null) {
      return false;
    }
    run.draft.setJobName(name);
    if (run.pool != null) {
      run.draft.setPool(run.pool.getMetadata().getName());
    }
    run.draft.setDispatchStatus(DispatchStatus.DISPATCHED);
    return true;
  }

  /**
   * Derives phase, attempts, worker and times from the Job and its pods; a pod that cannot start
   * may end the task Failed (see {@link PodStartWatch}), which also deletes the Job.
   */
  boolean observe(TaskRun run) {
    List<Pod> pods = caches.podsOf(run.namespace(), run.draft.getJobName());
    JobObservation seen = PhaseResolver.resolve(run.job, pods, run.draft.getPhase());
    AttemptEntries.of(pods, run.now).forEach(entry -> AuditTrail.record(run, entry));
    run.draft.setPhase(seen.phase());
    run.draft.setAttempts(seen.attempts());
    run.draft.setWorkerNodeId(orElse(seen.workerNodeId(), run.draft.getWorkerNodeId()));
    run.draft.setStartedAt(orElse(run.draft.getStartedAt(), seen.startedAt()));
    switch (seen.phase()) {
      case Succeeded -> {
        run.draft.setCompletedAt(orElse(seen.completedAt(), run.nowText()));
        run.noteIf(run.ready(true, seen.reason(), seen.message()), seen.reason(), seen.message());
      }
      case Failed -> {
        boolean timeout = PhaseResolver.DEADLINE_EXCEEDED.equals(seen.reason());
        String runnerMessage =
            run.task.getStatus() == null ? null : run.task.getStatus().getErrorMessage();
        String message = timeout || runnerMessage == null ? seen.message() : runnerMessage;
        if (timeout) {
          AuditTrail.operator(run, AuditKind.TIMED_OUT, seen.message());
        }
        run.fail(seen.reason(), message);
        run.draft.setCompletedAt(orElse(seen.completedAt(), run.draft.getCompletedAt()));
      }
      default -> {
        if (startWatch.judge(run, seen)) {
          stopJob(run.task);
        }
      }
    }
    return true;
  }

  private static String orElse(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
