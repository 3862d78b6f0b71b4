package us.anth.plexus.devkit.executor;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import us.anth.plexus.devkit.api.PodLogStore;

/**
 * The Job controller's part, for one Job at a time (always on the {@link SerialLoop}): starts an
 * attempt when the Job wants one, and stops it on suspend, deadline or deletion. What happens when
 * a process ends is {@link AttemptOutcomes}' part.
 */
final class AttemptLifecycle {
  private final KubernetesClient client;
  private final JobStatusWriter writer;
  private final PodLauncher launcher;
  private final SerialLoop loop;
  private final AttemptOutcomes outcomes;
  private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();

  AttemptLifecycle(
      KubernetesClient client, PodLogStore logs, ExecutorOptions options, SerialLoop loop) {
    this.client = client;
    this.writer = new JobStatusWriter(client);
    this.launcher = new PodLauncher(client, logs, options, writer);
    this.loop = loop;
    this.outcomes = new AttemptOutcomes(writer, loop, options, this::retry);
  }

  /** The Job was added or changed: start, suspend or leave its attempt. */
  void reconcile(Job job) {
    if (JobStatuses.isFinished(job.getStatus())) {
      return;
    }
    Attempt attempt =
        attempts.computeIfAbsent(
            key(job),
            k -> new Attempt(job.getMetadata().getNamespace(), job.getMetadata().getName()));
    if (attempt.finished) {
      return;
    }
    if (Boolean.TRUE.equals(job.getSpec().getSuspend())) {
      if (attempt.running()) {
        attempt.stop("Suspended");
        writer.write(job, JobStatuses.suspended(attempt.failed, PodLauncher.now()));
      }
      return;
    }
    if (!attempt.running()) {
      start(job, attempt);
    }
  }

  /** The Job was deleted: stop its process and delete its pods. */
  void deleted(Job job) {
    Attempt attempt = attempts.remove(key(job));
    if (attempt == null) {
      return;
    }
    attempt.finish();
    attempt.stop("JobDeleted");
    client
        .pods()
        .inNamespace(attempt.namespace)
        .withLabel(JobPods.JOB_NAME_LABEL, attempt.jobName)
        .delete();
  }

  /** The pids of the processes running now, by namespace/pod. */
  Map<String, Long> runningPids() {
    Map<String, Long> pids = new ConcurrentHashMap<>();
    attempts.values().stream()
        .filter(Attempt::running)
        .forEach(a -> pids.put(a.namespace + "/" + a.podName, a.process.pid()));
    return pids;
  }

  /** Stops every process (the executor is closing). */
  void stopAll() {
    attempts.values().forEach(a -> a.stop("ExecutorStopped"));
  }

  private void start(Job job, Attempt attempt) {
    launcher.launch(job, attempt);
    writer.write(job, JobStatuses.active(attempt.startTime, attempt.failed));
    LocalProcess process = attempt.process;
    process.exit().thenAccept(code -> loop.run(() -> outcomes.exited(job, attempt, process, code)));
    scheduleDeadline(job, attempt);
  }

  /** activeDeadlineSeconds counts from the Job's first start, across retries and suspensions. */
  private void scheduleDeadline(Job job, Attempt attempt) {
    Long seconds = job.getSpec().getActiveDeadlineSeconds();
    if (seconds == null || attempt.deadline != null) {
      return;
    }
    Duration elapsed = Duration.between(Instant.parse(attempt.startTime), Instant.now());
    Duration left = Duration.ofSeconds(seconds).minus(elapsed);
    attempt.deadline =
        loop.after(left.isNegative() ? Duration.ZERO : left, () -> deadlineExceeded(job, attempt));
  }

  private void deadlineExceeded(Job job, Attempt attempt) {
    if (attempt.finished) {
      return;
    }
    attempt.finish();
    if (attempt.running()) {
      attempt.stop("DeadlineExceeded");
      attempt.failed++;
    }
    outcomes.fail(
        job, attempt, "DeadlineExceeded", "Job was active longer than specified deadline");
  }

  private void retry(Job job, Attempt attempt) {
    Job current =
        client.batch().v1().jobs().inNamespace(attempt.namespace).withName(attempt.jobName).get();
    if (current != null && !attempt.finished && !attempt.running()) {
      reconcile(current);
    }
  }

  private static String key(Job job) {
    return job.getMetadata().getNamespace() + "/" + job.getMetadata().getName();
  }
}
