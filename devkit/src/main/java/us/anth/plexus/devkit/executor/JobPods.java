package us.anth.plexus.devkit.executor;

import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import us.anth.plexus.api.job.JobContract;

/** Desired pod objects and pod statuses for the attempts of a Job. Pure functions. */
final class JobPods {
  static final String JOB_NAME_LABEL = "job-name";
  static final String BATCH_JOB_NAME_LABEL = "batch.kubernetes.io/job-name";
  static final String CONTAINER = JobContract.CONTAINER;

  private JobPods() {}

  /** The pod for one attempt: template labels + job-name, owner reference, node name set. */
  static Pod podFor(Job job, String podName, String nodeName) {
    var template = job.getSpec().getTemplate();
    Map<String, String> labels = new LinkedHashMap<>();
    Optional.ofNullable(template.getMetadata())
        .map(ObjectMeta::getLabels)
        .ifPresent(labels::putAll);
    labels.put(JOB_NAME_LABEL, job.getMetadata().getName());
    labels.put(BATCH_JOB_NAME_LABEL, job.getMetadata().getName());
    return new PodBuilder()
        .withNewMetadata()
        .withName(podName)
        .withNamespace(job.getMetadata().getNamespace())
        .withLabels(labels)
        .withOwnerReferences(
            new OwnerReferenceBuilder()
                .withApiVersion("batch/v1")
                .withKind("Job")
                .withName(job.getMetadata().getName())
                .withUid(job.getMetadata().getUid())
                .withController(true)
                .build())
        .endMetadata()
        .withSpec(
            new PodBuilder()
                .withSpec(template.getSpec())
                .editSpec()
                .withNodeName(nodeName)
                .endSpec()
                .build()
                .getSpec())
        .build();
  }

  /** Status of a pod whose process is running. */
  static PodStatus running(String now) {
    return new PodStatusBuilder()
        .withPhase("Running")
        .withStartTime(now)
        .withContainerStatuses(
            new ContainerStatusBuilder()
                .withName(CONTAINER)
                .withReady(true)
                .withState(new ContainerStateBuilder().withNewRunning(now).build())
                .build())
        .build();
  }

  /** Status of a pod whose process exited with {@code exitCode} (with its termination message). */
  static PodStatus terminated(
      String startedAt, String now, int exitCode, String reason, String message) {
    return new PodStatusBuilder()
        .withPhase(exitCode == 0 ? "Succeeded" : "Failed")
        .withReason(reason)
        .withStartTime(startedAt)
        .withContainerStatuses(
            new ContainerStatusBuilder()
                .withName(CONTAINER)
                .withReady(false)
                .withState(
                    new ContainerStateBuilder()
                        .withNewTerminated()
                        .withExitCode(exitCode)
                        .withMessage(message)
                        .withReason(exitCode == 0 ? "Completed" : "Error")
                        .withStartedAt(startedAt)
                        .withFinishedAt(now)
                        .endTerminated()
                        .build())
                .build())
        .build();
  }
}
