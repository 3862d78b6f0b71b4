package us.anth.plexus.operator.testing;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import us.anth.plexus.devkit.executor.JobStatuses;

/**
 * Plays the Kubernetes Job controller and kubelet for tests on the mock API: starts a Job's pod
 * (with the job-name labels and a node) and writes the Job status the real controller would
 * (active/succeeded/failed counts, start and completion times, conditions).
 */
public final class JobControllerSimulator {
  private final KubernetesClient client;

  public JobControllerSimulator(KubernetesClient client) {
    this.client = client;
  }

  /** Creates a Running pod for the Job on node-1 and marks the Job active. Returns the pod name. */
  public String start(Job job) {
    return createPod(job, new PodStatusBuilder().withPhase("Running").withStartTime(now()).build());
  }

  /**
   * Creates the Job's pod in phase Pending (bound to node-1, its container being created, as the
   * kubelet reports before the image is pulled) and marks the Job active. Returns the pod name.
   */
  public String startPending(Job job) {
    return createPod(
        job,
        new PodStatusBuilder()
            .withPhase("Pending")
            .withStartTime(now())
            .addNewContainerStatus()
            .withName("runner")
            .withImage(job.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
            .withReady(false)
            .withNewState()
            .withNewWaiting()
            .withReason("ContainerCreating")
            .endWaiting()
            .endState()
            .endContainerStatus()
            .build());
  }

  /** Writes the kubelet's waiting reason and message on the pod's runner container. */
  public void containerWaiting(String namespace, String podName, String reason, String message) {
    Pod pod = client.pods().inNamespace(namespace).withName(podName).get();
    pod.getStatus().getContainerStatuses().get(0).getState().getWaiting().setReason(reason);
    pod.getStatus().getContainerStatuses().get(0).getState().getWaiting().setMessage(message);
    patchPodStatus(pod);
  }

  /**
   * Writes what the scheduler reports for a pod no node can take: PodScheduled=False/Unschedulable.
   */
  public void unschedulable(String namespace, String podName, String message) {
    Pod pod = client.pods().inNamespace(namespace).withName(podName).get();
    pod.getStatus().setStartTime(null);
    pod.getStatus().setContainerStatuses(null);
    pod.getStatus()
        .setConditions(
            List.of(
                new PodConditionBuilder()
                    .withType("PodScheduled")
                    .withStatus("False")
                    .withReason("Unschedulable")
                    .withMessage(message)
                    .withLastTransitionTime(now())
                    .build()));
    patchPodStatus(pod);
  }

  /** The pod's runner container exits with {@code exitCode} (e.g. 137 when SIGKILLed). */
  public void terminate(String namespace, String podName, int exitCode, String reason) {
    Pod pod = client.pods().inNamespace(namespace).withName(podName).get();
    pod.getStatus().setPhase("Failed");
    pod.getStatus()
        .setContainerStatuses(
            List.of(
                new ContainerStatusBuilder()
                    .withName("runner")
                    .withNewState()
                    .withNewTerminated()
                    .withExitCode(exitCode)
                    .withReason(reason)
                    .withFinishedAt(now())
                    .endTerminated()
                    .endState()
                    .build()));
    patchPodStatus(pod);
  }

  private String createPod(Job job, PodStatus status) {
    String podName =
        job.getMetadata().getName() + "-" + java.util.UUID.randomUUID().toString().substring(0, 5);
    Map<String, String> labels =
        new HashMap<>(job.getSpec().getTemplate().getMetadata().getLabels());
    labels.put("job-name", job.getMetadata().getName());
    labels.put("batch.kubernetes.io/job-name", job.getMetadata().getName());
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(podName)
            .withNamespace(job.getMetadata().getNamespace())
            .withLabels(labels)
            .withAnnotations(job.getSpec().getTemplate().getMetadata().getAnnotations())
            .endMetadata()
            .withSpec(job.getSpec().getTemplate().getSpec())
            .editSpec()
            .withNodeName("node-1")
            .endSpec()
            .withStatus(status)
            .build();
    client.pods().resource(pod).create();
    JobStatus jobStatus = new JobStatus();
    jobStatus.setActive(1);
    jobStatus.setStartTime(now());
    patchStatus(job, jobStatus);
    return podName;
  }

  /** Replaces the pod's status (a merge patch would append to its lists on the mock). */
  private void patchPodStatus(Pod pod) {
    client.pods().resource(pod).updateStatus();
  }

  /** Marks the Job complete, as after its pod exited 0. */
  public void complete(Job job) {
    JobStatus status = JobStatuses.complete(null, now(), 0);
    status.setFailed(null); // a merge patch without it keeps the failed attempts counted so far
    patchStatus(job, status);
  }

  /** Marks the Job failed with the Job controller's reason (e.g. BackoffLimitExceeded). */
  public void fail(Job job, String reason, String message) {
    patchStatus(job, JobStatuses.failed(null, now(), 1, reason, message));
  }

  private void patchStatus(Job job, JobStatus status) {
    client
        .batch()
        .v1()
        .jobs()
        .inNamespace(job.getMetadata().getNamespace())
        .withName(job.getMetadata().getName())
        .subresource("status")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(Map.of("status", status)));
  }

  private static String now() {
    return Instant.now().toString();
  }
}
