package us.anth.plexus.devkit.node;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import us.anth.plexus.devkit.cluster.TokenKubeconfig;
import us.anth.plexus.devkit.executor.ExecutorOptions;
import us.anth.plexus.devkit.executor.LocalProcess;
import us.anth.plexus.devkit.executor.ProcessSpec;
import us.anth.plexus.devkit.executor.TerminationMessages;

/**
 * What the kubelet does with a pod bound to one of the agent's nodes: start its container as a
 * local process (with a service-account token kubeconfig), report Running and the exit code through
 * {@code pods/status}, and on deletion SIGTERM, wait the grace period, kill, report Failed and
 * finish the deletion with grace 0. Every pod event runs on the agent's single event thread.
 */
final class PodLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(PodLifecycle.class);

  private final KubernetesClient client;
  private final ExecutorOptions options;
  private final Path workDir;
  private final String serverUrl;
  private final PodTokens tokens;
  private final ExecutorService events;
  private final ExecutorService terminations;
  private final Map<String, PodRun> runs = new ConcurrentHashMap<>();
  private final Set<String> done = ConcurrentHashMap.newKeySet();
  private final Set<String> terminating = ConcurrentHashMap.newKeySet();

  PodLifecycle(
      KubernetesClient client,
      ExecutorOptions options,
      Path workDir,
      String serverUrl,
      ExecutorService events,
      ExecutorService terminations) {
    this.client = client;
    this.options = options;
    this.workDir = workDir;
    this.serverUrl = serverUrl;
    this.tokens = new PodTokens(client);
    this.events = events;
    this.terminations = terminations;
  }

  /** Brings the local process in line with the pod object. */
  void sync(Pod pod) {
    String uid = pod.getMetadata().getUid();
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      if (terminating.add(uid)) {
        terminations.submit(() -> terminate(pod));
      }
      return;
    }
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    if (runs.containsKey(uid) || done.contains(uid)) {
      return;
    }
    if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
      done.add(uid);
      return;
    }
    start(pod);
  }

  /** Pods running now, by namespace/name, with their pids. */
  Map<String, Long> runningPids() {
    Map<String, Long> pids = new java.util.TreeMap<>();
    runs.values().forEach(run -> pids.put(key(run.pod()), run.process().pid()));
    return pids;
  }

  private void start(Pod pod) {
    String now = now();
    Path kubeconfig;
    try {
      String token = tokens.tokenFor(pod);
      kubeconfig =
          new TokenKubeconfig(serverUrl, token, pod.getMetadata().getNamespace())
              .writeTo(workDir.resolve("pods").resolve(pod.getMetadata().getUid() + ".kubeconfig"));
    } catch (IOException | RuntimeException e) {
      LOG.warn("node-agent: no service-account token for pod {}: {}", key(pod), e.getMessage());
      writeStatus(pod, PodStatuses.waiting(pod, "CreateContainerConfigError", e.getMessage(), now));
      done.add(pod.getMetadata().getUid());
      return;
    }
    ExecutorOptions podOptions = options.forPod(kubeconfig, pod.getSpec().getNodeName());
    Path log = workDir.resolve("logs").resolve(key(pod).replace('/', '_') + ".log");
    ProcessSpec spec =
        ProcessSpec.forContainer(
                pod.getSpec().getContainers().get(0), pod.getMetadata().getName(), podOptions)
            .withTerminationMessageFile(TerminationMessages.fileOf(workDir, pod));
    LocalProcess process = LocalProcess.start(spec, line -> append(log, line));
    PodRun run = new PodRun(pod, process, now, kubeconfig, log);
    runs.put(pod.getMetadata().getUid(), run);
    LOG.info(
        "node-agent: started pod {} on {} (pid {})",
        key(pod),
        pod.getSpec().getNodeName(),
        process.pid());
    writeStatus(pod, PodStatuses.running(pod, now));
    process.exit().thenAcceptAsync(code -> exited(run, code), events);
  }

  private void exited(PodRun run, int exitCode) {
    Pod pod = run.pod();
    runs.remove(pod.getMetadata().getUid());
    done.add(pod.getMetadata().getUid());
    LOG.info("node-agent: pod {} exited with {}", key(pod), exitCode);
    String message =
        TerminationMessages.read(
            TerminationMessages.fileOf(workDir, pod),
            pod.getSpec().getContainers().get(0),
            exitCode,
            run.log());
    writeStatus(pod, PodStatuses.terminated(pod, exitCode, message, run.startedAt(), now()));
    deleteQuietly(run.kubeconfig());
    deleteQuietly(TerminationMessages.fileOf(workDir, pod));
  }

  /** A pod removed without a graceful deletion (grace 0, pod GC): kill its process at once. */
  void gone(Pod pod) {
    PodRun run = runs.get(pod.getMetadata().getUid());
    if (run != null && terminating.add(pod.getMetadata().getUid())) {
      terminations.submit(() -> run.process().terminate(Duration.ZERO));
    }
  }

  /** SIGTERM, the grace period, SIGKILL; then Failed status and the final delete. */
  private void terminate(Pod pod) {
    String uid = pod.getMetadata().getUid();
    PodRun run = runs.get(uid);
    if (run != null) {
      long grace =
          Optional.ofNullable(pod.getMetadata().getDeletionGracePeriodSeconds()).orElse(30L);
      run.process().terminate(Duration.ofSeconds(grace));
      run.process().exit().join();
      // the exit handler writes the terminated status on the event thread; wait for it
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (runs.containsKey(uid) && System.nanoTime() < deadline) {
        sleep(20);
      }
    } else if (!done.contains(uid)) {
      done.add(uid);
      writeStatus(pod, PodStatuses.abandoned(pod, now()));
    }
    try {
      client
          .pods()
          .inNamespace(pod.getMetadata().getNamespace())
          .withName(pod.getMetadata().getName())
          .withGracePeriod(0)
          .delete();
    } catch (KubernetesClientException e) {
      LOG.debug("node-agent: final delete of {} failed", key(pod), e);
    }
  }

  private void writeStatus(Pod pod, PodStatus status) {
    String patch = Serialization.asJson(Map.of("status", status));
    try {
      client
          .pods()
          .inNamespace(pod.getMetadata().getNamespace())
          .withName(pod.getMetadata().getName())
          .subresource("status")
          .patch(PatchContext.of(PatchType.STRATEGIC_MERGE), patch);
    } catch (KubernetesClientException e) {
      LOG.warn("node-agent: status of {} not written: {}", key(pod), e.getMessage());
    }
  }

  /** Terminates every process (agent shutdown), without touching the API. */
  void stopAll() {
    runs.values().forEach(run -> run.process().terminate(Duration.ofSeconds(2)));
  }

  private static void append(Path log, String line) {
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(log, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      LOG.debug("could not write pod log", e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.debug("could not delete {}", file, e);
    }
  }

  static String key(Pod pod) {
    return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
  }

  static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
