package us.anth.plexus.devkit.executor;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Book-keeping of one Job in the executor: its current process and counters. */
final class Attempt {
  private static final Logger LOG = LoggerFactory.getLogger(Attempt.class);

  /** Kubernetes' default terminationGracePeriodSeconds, for pods that set none. */
  static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);

  final String namespace;
  final String jobName;
  String podName;
  LocalProcess process;

  /** Where the current process writes its termination message. */
  java.nio.file.Path terminationMessage;

  String startTime;
  String podStartedAt;
  int failed;
  boolean finished;

  /** Why the current process is being stopped on purpose (null while it runs normally). */
  String stopReason;

  ScheduledFuture<?> deadline;

  /**
   * The pod's terminationGracePeriodSeconds: how long a stopped runner has between SIGTERM and
   * SIGKILL. It must exceed the runner's own kill grace for its command, or the runner is killed
   * before its final status write.
   */
  Duration grace = DEFAULT_GRACE;

  Attempt(String namespace, String jobName) {
    this.namespace = namespace;
    this.jobName = jobName;
  }

  boolean running() {
    return process != null && process.isAlive();
  }

  /** Terminates the current process on purpose (its exit is then not counted as a failure). */
  void stop(String reason) {
    if (process == null) {
      return;
    }
    stopReason = reason;
    LOG.info("local-executor: stopping pod {}/{} ({})", namespace, podName, reason);
    process.terminate(grace);
  }

  /** Marks the Job as done: no more attempts, no deadline. */
  void finish() {
    finished = true;
    if (deadline != null) {
      deadline.cancel(false);
    }
  }
}
