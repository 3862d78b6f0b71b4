package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.operator.OperatorConfig;
import us.anth.plexus.operator.mirror.TaskRecordMirror;
import us.anth.plexus.operator.runtime.OperatorMetrics;

/**
 * Turns each PlexusTask into one Job on the right pool and keeps the task's status in step with it.
 * A reconcile is a flat chain of steps; each returns whether the chain goes on.
 */
public final class PlexusTaskReconciler implements Reconciler<PlexusTask>, Cleaner<PlexusTask> {
  private static final Logger LOG = LoggerFactory.getLogger(PlexusTaskReconciler.class);

  /** One step of the chain: false stops it. */
  @FunctionalInterface
  private interface Step {
    boolean proceed(TaskRun run);
  }

  private final TaskCaches caches = new TaskCaches();
  private final TaskMappers mappers;
  private final AdmissionSteps admission;
  private final JobSteps jobSteps;
  private final TaskPublisher publisher;
  private final TaskDeletion deletion;
  private final TaskRetention retention;
  private final OperatorMetrics metrics;
  private final UnknownFields unknownFields = new UnknownFields();
  private final StageEndStep stageEnd = new StageEndStep(caches);
  private final RollbackStep rollback;
  private final List<Step> steps;

  public PlexusTaskReconciler(
      KubernetesClient client,
      OperatorConfig config,
      TaskRecordMirror mirror,
      OperatorMetrics metrics,
      EventRecorder events) {
    this.metrics = metrics;
    JobClient jobs = new JobClient(client);
    PoolSlots slots = new PoolSlots(jobs, caches, new PoolStatusWriter(client, caches));
    this.mappers = new TaskMappers(caches::tasksByKey, slots::takersOfSlot);
    this.admission = new AdmissionSteps(caches, config);
    this.jobSteps =
        new JobSteps(
            caches,
            jobs,
            slots,
            config,
            metrics,
            new PodStartWatch(
                Duration.ofSeconds(config.podStartGraceSeconds()), new JobCreateFailures(client)));
    this.rollback = new RollbackStep(caches, jobs, config);
    this.publisher = new TaskPublisher(client, mirror, events);
    this.deletion =
        new TaskDeletion(
            jobSteps, publisher, Duration.ofSeconds(config.deleteMirrorTimeoutSeconds()));
    this.retention = new TaskRetention(client);
    metrics.bindTasks(caches::tasks);
    TaskIdStep taskIds = new TaskIdStep(client, mirror);
    ApprovalStep approvals =
        new ApprovalStep(config.riskDefaults(), new ApprovalPolicyPresence(client));
    this.steps =
        List.of(
            this::unfinished,
            AuditSteps::created,
            new SpecCheckStep(caches, unknownFields)::check,
            jobSteps::cancel,
            taskIds::assign,
            admission::validate,
            new DeclaredStagesStep(mirror)::declare,
            admission::dependencies,
            admission::route,
            approvals::approval,
            admission::dryRun,
            jobSteps::ensureJob,
            jobSteps::observe);
  }

  @Override
  public UpdateControl<PlexusTask> reconcile(PlexusTask task, Context<PlexusTask> context) {
    metrics.reconciled();
    TaskRun run = publisher.startRun(task, Instant.now());
    for (Step step : steps) {
      if (!step.proceed(run)) {
        break;
      }
    }
    AuditSteps.phaseChanges(run);
    rollback.apply(run);
    stageEnd.apply(run);
    retention.apply(run);
    publisher.publish(run);
    UpdateControl<PlexusTask> control = UpdateControl.noUpdate();
    return run.reschedule == null ? control : control.rescheduleAfter(run.reschedule);
  }

  /** A task in a final phase is left alone (apart from retention). */
  private boolean unfinished(TaskRun run) {
    return !run.draft.getPhase().isFinal();
  }

  @Override
  public DeleteControl cleanup(PlexusTask task, Context<PlexusTask> context) {
    DeleteControl control = deletion.cleanup(task, Instant.now());
    if (control.isRemoveFinalizer()) {
      unknownFields.forget(task);
    }
    return control;
  }

  @Override
  public ErrorStatusUpdateControl<PlexusTask> updateErrorStatus(
      PlexusTask task, Context<PlexusTask> context, Exception e) {
    metrics.reconcileFailed();
    String message = oneLine(e);
    LOG.warn(
        "Reconcile of {}/{} failed: {}",
        task.getMetadata().getNamespace(),
        task.getMetadata().getName(),
        message,
        e);
    try {
      TaskRun run = publisher.startRun(task, Instant.now());
      run.warnIf(run.ready(false, "ReconcileError", message), "ReconcileError", message);
      publisher.publish(run);
    } catch (RuntimeException patchFailure) {
      LOG.warn(
          "Could not record the error on {}: {}",
          task.getMetadata().getName(),
          oneLine(patchFailure));
    }
    return ErrorStatusUpdateControl.noStatusUpdate();
  }

  @Override
  public List<EventSource<?, PlexusTask>> prepareEventSources(
      EventSourceContext<PlexusTask> context) {
    return TaskEventSources.create(context, caches, mappers);
  }

  static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse(message).trim();
  }
}
