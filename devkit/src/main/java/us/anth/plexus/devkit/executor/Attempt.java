package us.anth.plexus.devkit.executor;

import java.util.concurrent.ScheduledFuture;

/** Book-keeping of one Job in the executor: its current process and counters. */
final class Attempt {
  final String namespace;
  final String jobName;
  String podName;
  LocalProcess process;
  String startTime;
  String podStartedAt;
  int failed;
  boolean finished;

  /** Why the current process is being stopped on purpose (null while it runs normally). */
  String stopReason;

  ScheduledFuture<?> deadline;

  Attempt(String namespace, String jobName) {
    this.namespace = namespace;
    this.jobName = jobName;
  }

  boolean running() {
    return process != null && process.isAlive();
  }
}
