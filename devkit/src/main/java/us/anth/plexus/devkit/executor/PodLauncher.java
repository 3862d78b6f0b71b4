package us.anth.plexus.devkit.executor;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import us.anth.plexus.devkit.api.PodLogStore;

/**
 * Starts one attempt of a Job: creates its pod object, starts the runner process with the pod's
 * output going to the {@link PodLogStore} (and a file under the log directory, if set), and marks
 * the pod Running. Part of the development-only local job executor.
 */
final class PodLauncher {
  private static final Logger LOG = LoggerFactory.getLogger(PodLauncher.class);
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final KubernetesClient client;
  private final PodLogStore logs;
  private final ExecutorOptions options;
  private final JobStatusWriter writer;
  private Path terminationDir;

  PodLauncher(
      KubernetesClient client, PodLogStore logs, ExecutorOptions options, JobStatusWriter writer) {
    this.client = client;
    this.logs = logs;
    this.options = options;
    this.writer = writer;
  }

  /** Starts a new attempt for {@code job}, recording it in {@code attempt}. */
  void launch(Job job, Attempt attempt) {
    String podName = attempt.jobName + "-" + randomSuffix();
    attempt.podName = podName;
    attempt.stopReason = null;
    Long grace = job.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
    attempt.grace = grace == null ? Attempt.DEFAULT_GRACE : Duration.ofSeconds(grace);
    Pod pod = JobPods.podFor(job, podName, options.nodeName());
    client.pods().inNamespace(attempt.namespace).resource(pod).create();
    attempt.podStartedAt = now();
    if (attempt.startTime == null) {
      attempt.startTime = attempt.podStartedAt;
    }
    logs.open(attempt.namespace, podName);
    var container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
    attempt.terminationMessage = terminationMessageFile(attempt.namespace, podName);
    ProcessSpec spec =
        ProcessSpec.forContainer(container, podName, options)
            .withTerminationMessageFile(attempt.terminationMessage);
    attempt.process = LocalProcess.start(spec, line -> appendLog(attempt.namespace, podName, line));
    LOG.info(
        "local-executor: started pod {}/{} (pid {})",
        attempt.namespace,
        podName,
        attempt.process.pid());
    writer.writePod(attempt.namespace, podName, JobPods.running(attempt.podStartedAt));
  }

  private void appendLog(String namespace, String pod, String line) {
    logs.append(namespace, pod, line);
    if (options.logDir() != null) {
      try {
        Path file = logFile(options, namespace, pod);
        Files.createDirectories(file.getParent());
        Files.writeString(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        LOG.debug("could not write pod log file", e);
      }
    }
  }

  /** A file of this executor's own for the pod's termination message. */
  private Path terminationMessageFile(String namespace, String podName) {
    try {
      if (terminationDir == null) {
        terminationDir = Files.createTempDirectory("plexus-termination-");
        terminationDir.toFile().deleteOnExit();
      }
      return terminationDir.resolve(namespace + "_" + podName);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The pod's log file, when the executor writes them. */
  static Path logFile(ExecutorOptions options, String namespace, String pod) {
    return options.logDir() == null
        ? null
        : options.logDir().resolve(namespace).resolve(pod + ".log");
  }

  private static String randomSuffix() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }

  /** Now, to the second, as Kubernetes writes times. */
  static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
