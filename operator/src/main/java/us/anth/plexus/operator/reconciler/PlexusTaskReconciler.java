package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import us.anth.plexus.api.PlexusLabels;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusWorkerPool;
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

  private final KubernetesClient client;
  private final TaskCaches caches = new TaskCaches();
  private final TaskMappers mappers = new TaskMappers(caches::tasks);
  private final AdmissionSteps admission;
  private final JobSteps jobSteps;
  private final TaskPublisher publisher;
  private final TaskDeletion deletion;
  private final OperatorMetrics metrics;
  private final List<Step> steps;

  public PlexusTaskReconciler(
      KubernetesClient client,
      OperatorConfig config,
      TaskRecordMirror mirror,
      OperatorMetrics metrics) {
    this.client = client;
    this.metrics = metrics;
    JobClient jobs = new JobClient(client, config.watchNamespaces());
    this.admission = new AdmissionSteps(caches, config);
    this.jobSteps =
        new JobSteps(
            caches,
            jobs,
            new PoolSlots(jobs, new PoolStatusWriter(client)),
            config,
            metrics,
            new PodStartWatch(
                Duration.ofSeconds(config.podStartGraceSeconds()), new JobCreateFailures(client)));
    this.publisher = new TaskPublisher(client, mirror);
    this.deletion =
        new TaskDeletion(
            jobSteps, publisher, Duration.ofSeconds(config.deleteMirrorTimeoutSeconds()));
    metrics.bindTasks(caches::tasks);
    TaskIdStep taskIds = new TaskIdStep(client, mirror);
    this.steps =
        List.of(
            this::unfinished,
            jobSteps::cancel,
            taskIds::assign,
            admission::validate,
            admission::dependencies,
            admission::route,
            admission::approval,
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
    jobSteps.retention(run, () -> deleteTask(task));
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
    return deletion.cleanup(task, Instant.now());
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
    var pools =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(PlexusWorkerPool.class, PlexusTask.class)
                .withName("pools")
                .withWatchAllNamespaces()
                .withSecondaryToPrimaryMapper(mappers::poolToTasks)
                .withOnUpdateFilter(PlexusTaskReconciler::specChanged)
                .build(),
            context);
    var jobs =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Job.class, PlexusTask.class)
                .withName("jobs")
                .withLabelSelector(PlexusLabels.MANAGED_BY + "=" + PlexusLabels.MANAGED_BY_VALUE)
                .withSecondaryToPrimaryMapper(mappers::jobToTasks)
                .build(),
            context);
    var pods =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Pod.class, PlexusTask.class)
                .withName("pods")
                .withLabelSelector(PlexusLabels.MANAGED_BY + "=" + PlexusLabels.MANAGED_BY_VALUE)
                .withSecondaryToPrimaryMapper(TaskMappers::owningTask)
                .build(),
            context);
    caches.bind(context.getPrimaryCache(), pools, jobs, pods);
    return List.of(pools, jobs, pods);
  }

  /** Pool updates matter only when the spec changed (its own status writes do not). */
  private static boolean specChanged(PlexusWorkerPool updated, PlexusWorkerPool previous) {
    return !Objects.equals(
        updated.getMetadata().getGeneration(), previous.getMetadata().getGeneration());
  }

  private void deleteTask(PlexusTask task) {
    LOG.info(
        "Deleting finished task {}/{}: ttlSecondsAfterFinished passed",
        task.getMetadata().getNamespace(),
        task.getMetadata().getName());
    client
        .resources(PlexusTask.class)
        .inNamespace(task.getMetadata().getNamespace())
        .withName(task.getMetadata().getName())
        .delete();
  }

  static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse(message).trim();
  }
}
