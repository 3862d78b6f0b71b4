package us.anth.plexus.devkit.executor;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Map;
import java.util.Optional;
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
  private final SerialLoop loop = new SerialLoop();
  private final AttemptLifecycle lifecycle;
  private SharedIndexInformer<Job> informer;

  public LocalJobExecutor(KubernetesClient client, PodLogStore logs, ExecutorOptions options) {
    this.client = client;
    this.lifecycle = new AttemptLifecycle(client, logs, options, loop);
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
    return lifecycle.runningPids();
  }

  /** Hands every Job event to the loop, so events and process exits are handled one at a time. */
  private final class Handler implements ResourceEventHandler<Job> {
    @Override
    public void onAdd(Job job) {
      loop.run(() -> lifecycle.reconcile(job));
    }

    @Override
    public void onUpdate(Job oldJob, Job job) {
      loop.run(() -> lifecycle.reconcile(job));
    }

    @Override
    public void onDelete(Job job, boolean unknownFinalState) {
      loop.run(() -> lifecycle.deleted(job));
    }
  }

  /** Stops watching and terminates every process this executor started. */
  @Override
  public void close() {
    Optional.ofNullable(informer).ifPresent(SharedIndexInformer::close);
    lifecycle.stopAll();
    loop.close();
  }
}
