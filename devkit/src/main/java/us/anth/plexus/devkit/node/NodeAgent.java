package us.anth.plexus.devkit.node;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import us.anth.plexus.devkit.executor.ExecutorOptions;

/**
 * TEST AND DEVELOPMENT TOOL — the kubelet's stand-in on a local control plane. Registers {@link
 * NodeSpec nodes} (labels, taints, capacity, Ready), renews their Leases every 10 s, and runs every
 * pod the real scheduler binds to one of them as a local process (the runner, as the local job
 * executor starts it; see {@link PodLifecycle}).
 */
public final class NodeAgent implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NodeAgent.class);
  private static final long HEARTBEAT_SECONDS = 10;

  private final KubernetesClient client;
  private final List<NodeSpec> nodes;
  private final ExecutorService events = Executors.newSingleThreadExecutor(daemon("node-agent"));
  private final ExecutorService terminations =
      Executors.newCachedThreadPool(daemon("node-agent-kill"));
  private final ScheduledExecutorService heartbeats =
      Executors.newSingleThreadScheduledExecutor(daemon("node-agent-lease"));
  private final PodLifecycle lifecycle;
  private final List<SharedIndexInformer<Pod>> informers = new ArrayList<>();

  /**
   * An agent for {@code nodes} talking to {@code serverUrl} through {@code client} (an identity
   * that may write nodes, leases, pods/status and service-account tokens); runner processes are
   * started with {@code options}' classpath and main class, work files go under {@code workDir}.
   */
  public NodeAgent(
      KubernetesClient client,
      String serverUrl,
      List<NodeSpec> nodes,
      ExecutorOptions options,
      Path workDir) {
    this.client = client;
    this.nodes = List.copyOf(nodes);
    this.lifecycle = new PodLifecycle(client, options, workDir, serverUrl, events, terminations);
  }

  /** Registers the nodes, starts the heartbeats and the pod watches. */
  public NodeAgent start() {
    for (NodeSpec spec : nodes) {
      register(spec);
    }
    heartbeats.scheduleWithFixedDelay(this::renewLeases, 0, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    for (NodeSpec spec : nodes) {
      informers.add(
          client
              .pods()
              .inAnyNamespace()
              .withField("spec.nodeName", spec.name())
              .inform(new Handler()));
    }
    LOG.info("node-agent: nodes {} registered and Ready", NodeObjects.names(nodes));
    return this;
  }

  /** Pods running now, by namespace/name, with their pids. */
  public Map<String, Long> runningPids() {
    return lifecycle.runningPids();
  }

  private void register(NodeSpec spec) {
    Node node = NodeObjects.node(spec);
    if (client.nodes().withName(spec.name()).get() == null) {
      client.nodes().resource(node).create();
    }
    Node withStatus = NodeObjects.node(spec);
    withStatus.setStatus(NodeObjects.status(spec, Instant.now()));
    client.nodes().resource(withStatus).patchStatus();
  }

  private void renewLeases() {
    for (NodeSpec spec : nodes) {
      try {
        client
            .resource(NodeObjects.lease(spec.name(), Instant.now()))
            .fieldManager("plexus-node-agent")
            .forceConflicts()
            .serverSideApply();
      } catch (KubernetesClientException e) {
        LOG.debug("node-agent: lease of {} not renewed: {}", spec.name(), e.getMessage());
      }
    }
  }

  /** Hands every pod event to the single event thread. */
  private final class Handler implements ResourceEventHandler<Pod> {
    @Override
    public void onAdd(Pod pod) {
      events.execute(() -> lifecycle.sync(pod));
    }

    @Override
    public void onUpdate(Pod oldPod, Pod pod) {
      events.execute(() -> lifecycle.sync(pod));
    }

    @Override
    public void onDelete(Pod pod, boolean unknownFinalState) {
      events.execute(() -> lifecycle.gone(pod));
    }
  }

  /** Stops watching, terminates the processes and the threads; nodes stay registered. */
  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::close);
    heartbeats.shutdownNow();
    lifecycle.stopAll();
    events.shutdownNow();
    terminations.shutdownNow();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
