package us.anth.plexus.devkit.executor;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Job controller does when an attempt's process ends: record the pod's termination, then
 * complete the Job, retry after the retry delay, or fail it as the {@link FailurePolicy} decides.
 */
final class AttemptOutcomes {
  private static final Logger LOG = LoggerFactory.getLogger(AttemptOutcomes.class);

  private final JobStatusWriter writer;
  private final SerialLoop loop;
  private final ExecutorOptions options;
  private final BiConsumer<Job, Attempt> retry;

  AttemptOutcomes(
      JobStatusWriter writer,
      SerialLoop loop,
      ExecutorOptions options,
      BiConsumer<Job, Attempt> retry) {
    this.writer = writer;
    this.loop = loop;
    this.options = options;
    this.retry = retry;
  }

  /** The process of {@code attempt} exited with {@code code} (runs on the loop). */
  void exited(Job job, Attempt attempt, LocalProcess process, int code) {
    String reason = attempt.stopReason;
    String message =
        attempt.terminationMessage == null
            ? null
            : TerminationMessages.read(
                attempt.terminationMessage,
                job.getSpec().getTemplate().getSpec().getContainers().get(0),
                code,
                PodLauncher.logFile(options, attempt.namespace, attempt.podName));
    writer.writePod(
        attempt.namespace,
        attempt.podName,
        JobPods.terminated(attempt.podStartedAt, now(), code, reason, message));
    if (attempt.terminationMessage != null) {
      attempt.terminationMessage.toFile().delete();
    }
    LOG.info("local-executor: pod {}/{} exited with {}", attempt.namespace, attempt.podName, code);
    if (reason != null || attempt.finished || process != attempt.process) {
      return;
    }
    if (code == 0) {
      attempt.finish();
      writer.write(job, JobStatuses.complete(attempt.startTime, now(), attempt.failed));
      return;
    }
    attempt.failed++;
    FailurePolicy.Decision decision =
        FailurePolicy.afterFailure(job.getSpec(), JobPods.CONTAINER, code, attempt.failed);
    if (decision.retry()) {
      writer.write(job, JobStatuses.active(attempt.startTime, attempt.failed));
      loop.after(options.retryDelay(), () -> retry.accept(job, attempt));
      return;
    }
    fail(job, attempt, decision.failReason().orElseThrow(), decision.message());
  }

  /** Ends the Job as Failed with the Job controller's {@code reason} and {@code message}. */
  void fail(Job job, Attempt attempt, String reason, String message) {
    attempt.finish();
    writer.write(
        job, JobStatuses.failed(attempt.startTime, now(), attempt.failed, reason, message));
  }

  private static String now() {
    return PodLauncher.now();
  }
}
