package us.anth.plexus.devkit.executor;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import us.anth.plexus.devkit.api.PodLogStore;

/**
 * DEVELOPMENT TOOL — never used in a real cluster. Plays the Job controller and kubelet for the dev
 * API: for each Job it runs the runner as a local process, creates a pod object for each attempt
 * ({@code spec.nodeName = local-executor}), and writes pod and Job status. Honours suspend,
 * activeDeadlineSeconds, backoffLimit, podFailurePolicy FailJob exit codes and Job deletion.
 */
public final class LocalJobExecutor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalJobExecutor.class);

  private final KubernetesClient client;
  private final PodLogStore logs;
  private final ExecutorOptions options;
  private final JobStatusWriter writer;
  private final PodLauncher launcher;
  private final ScheduledExecutorService loop =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "local-job-executor"));
  private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();
  private SharedIndexInformer<Job> informer;

  public LocalJobExecutor(KubernetesClient client, PodLogStore logs, ExecutorOptions options) {
    this.client = client;
    this.logs = logs;
    this.options = options;
    this.writer = new JobStatusWriter(client);
    this.launcher = new PodLauncher(client, logs, options, writer);
  }

  /** Starts watching Jobs in every namespace. */
  public LocalJobExecutor start() {
    LOG.warn(
        "Local job executor started: a DEVELOPMENT tool that runs Jobs as local processes on this"
            + " machine. Never use it with a real cluster.");
    informer = client.batch().v1().jobs().inAnyNamespace().inform(new Handler());
    return this;
  }

  /** The pids of the processes running now (for tests and diagnostics). */
  public Map<String, Long> runningPids() {
    Map<String, Long> pids = new ConcurrentHashMap<>();
    attempts.values().stream()
        .filter(Attempt::running)
        .forEach(a -> pids.put(a.namespace + "/" + a.podName, a.process.pid()));
    return pids;
  }

  private final class Handler implements ResourceEventHandler<Job> {
    @Override
    public void onAdd(Job job) {
      loop.execute(() -> guarded(() -> reconcile(job)));
    }

    @Override
    public void onUpdate(Job oldJob, Job job) {
      loop.execute(() -> guarded(() -> reconcile(job)));
    }

    @Override
    public void onDelete(Job job, boolean unknownFinalState) {
      loop.execute(() -> guarded(() -> deleted(job)));
    }
  }

  private void reconcile(Job job) {
    if (JobStatuses.isFinished(job.getStatus())) {
      return;
    }
    Attempt attempt =
        attempts.computeIfAbsent(key(job), k -> new Attempt(namespace(job), name(job)));
    if (attempt.finished) {
      return;
    }
    if (Boolean.TRUE.equals(job.getSpec().getSuspend())) {
      if (attempt.running()) {
        stop(attempt, "Suspended");
        writer.write(job, JobStatuses.suspended(attempt.failed, now()));
      }
      return;
    }
    if (!attempt.running()) {
      startAttempt(job, attempt);
    }
  }

  private void startAttempt(Job job, Attempt attempt) {
    launcher.launch(job, attempt);
    writer.write(job, JobStatuses.active(attempt.startTime, attempt.failed));
    LocalProcess process = attempt.process;
    process
        .exit()
        .thenAccept(code -> loop.execute(() -> guarded(() -> exited(job, attempt, process, code))));
    scheduleDeadline(job, attempt);
  }

  private void scheduleDeadline(Job job, Attempt attempt) {
    Long seconds = job.getSpec().getActiveDeadlineSeconds();
    if (seconds == null || attempt.deadline != null) {
      return;
    }
    long elapsed = Duration.between(Instant.parse(attempt.startTime), Instant.now()).toMillis();
    attempt.deadline =
        loop.schedule(
            () -> guarded(() -> deadlineExceeded(job, attempt)),
            Math.max(0, seconds * 1000 - elapsed),
            TimeUnit.MILLISECONDS);
  }

  private void deadlineExceeded(Job job, Attempt attempt) {
    if (attempt.finished) {
      return;
    }
    attempt.finished = true;
    if (attempt.running()) {
      stop(attempt, "DeadlineExceeded");
      attempt.failed++;
    }
    writer.write(
        job,
        JobStatuses.failed(
            attempt.startTime,
            now(),
            attempt.failed,
            "DeadlineExceeded",
            "Job was active longer than specified deadline"));
  }

  private void exited(Job job, Attempt attempt, LocalProcess process, int code) {
    String reason = attempt.stopReason;
    writer.writePod(
        attempt.namespace,
        attempt.podName,
        JobPods.terminated(attempt.podStartedAt, now(), code, reason));
    LOG.info("local-executor: pod {}/{} exited with {}", attempt.namespace, attempt.podName, code);
    if (reason != null || attempt.finished || process != attempt.process) {
      return;
    }
    if (code == 0) {
      attempt.finished = true;
      cancelDeadline(attempt);
      writer.write(job, JobStatuses.complete(attempt.startTime, now(), attempt.failed));
      return;
    }
    attempt.failed++;
    FailurePolicy.Decision decision =
        FailurePolicy.afterFailure(job.getSpec(), JobPods.CONTAINER, code, attempt.failed);
    if (decision.retry()) {
      writer.write(job, JobStatuses.active(attempt.startTime, attempt.failed));
      loop.schedule(
          () -> guarded(() -> retry(job, attempt)),
          options.retryDelay().toMillis(),
          TimeUnit.MILLISECONDS);
      return;
    }
    attempt.finished = true;
    cancelDeadline(attempt);
    writer.write(
        job,
        JobStatuses.failed(
            attempt.startTime,
            now(),
            attempt.failed,
            decision.failReason().orElseThrow(),
            decision.message()));
  }

  private void retry(Job job, Attempt attempt) {
    Job current =
        client.batch().v1().jobs().inNamespace(attempt.namespace).withName(attempt.jobName).get();
    if (current != null && !attempt.finished && !attempt.running()) {
      reconcile(current);
    }
  }

  private void deleted(Job job) {
    Attempt attempt = attempts.remove(key(job));
    if (attempt == null) {
      return;
    }
    attempt.finished = true;
    cancelDeadline(attempt);
    stop(attempt, "JobDeleted");
    client
        .pods()
        .inNamespace(attempt.namespace)
        .withLabel(JobPods.JOB_NAME_LABEL, attempt.jobName)
        .delete();
  }

  private void stop(Attempt attempt, String reason) {
    if (attempt.process == null) {
      return;
    }
    attempt.stopReason = reason;
    LOG.info("local-executor: stopping pod {}/{} ({})", attempt.namespace, attempt.podName, reason);
    attempt.process.terminate(Duration.ofSeconds(10));
  }

  private static void cancelDeadline(Attempt attempt) {
    Optional.ofNullable(attempt.deadline).ifPresent(d -> d.cancel(false));
  }

  private static void guarded(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      LOG.warn("local-executor: {}", e.toString(), e);
    }
  }

  private static String key(Job job) {
    return namespace(job) + "/" + name(job);
  }

  private static String namespace(Job job) {
    return job.getMetadata().getNamespace();
  }

  private static String name(Job job) {
    return job.getMetadata().getName();
  }

  private static String now() {
    return PodLauncher.now();
  }

  /** Stops watching and terminates every process this executor started. */
  @Override
  public void close() {
    Optional.ofNullable(informer).ifPresent(SharedIndexInformer::close);
    attempts.values().forEach(a -> stop(a, "ExecutorStopped"));
    loop.shutdownNow();
  }
}
