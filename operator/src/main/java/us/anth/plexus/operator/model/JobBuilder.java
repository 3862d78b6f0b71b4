package us.anth.plexus.operator.model;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicy;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyBuilder;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.PlexusWorkerPoolSpec;
import us.anth.plexus.api.job.JobContract;
import us.anth.plexus.operator.OperatorConfig;

/** Builds the desired Job of a task on a pool: a pure function of (task, pool, config). */
public final class JobBuilder {
  private JobBuilder() {}

  /** The Job, not suspended. */
  public static Job build(PlexusTask task, PlexusWorkerPool pool, OperatorConfig config) {
    return build(task, pool, config, false);
  }

  /** The Job; {@code suspended} when the pool is at its concurrency limit. */
  public static Job build(
      PlexusTask task, PlexusWorkerPool pool, OperatorConfig config, boolean suspended) {
    PlexusWorkerPoolSpec poolSpec = pool.getSpec();
    Map<String, String> labels = JobLabels.labels(task, pool.getMetadata().getName());
    Map<String, String> annotations = JobLabels.annotations(task);
    Integer maxRetries =
        task.getSpec().getRetry() == null ? null : task.getSpec().getRetry().getMaxRetries();
    return new io.fabric8.kubernetes.api.model.batch.v1.JobBuilder()
        .withNewMetadata()
        .withName(JobNames.forTask(task))
        .withNamespace(task.getMetadata().getNamespace())
        .withLabels(labels)
        .withAnnotations(annotations)
        .withOwnerReferences(ownerReference(task))
        .endMetadata()
        .withNewSpec()
        .withBackoffLimit(maxRetries == null ? 0 : maxRetries)
        .withActiveDeadlineSeconds(task.getSpec().getTimeoutSeconds())
        .withTtlSecondsAfterFinished(task.getSpec().getTtlSecondsAfterFinished())
        .withSuspend(suspended)
        .withPodFailurePolicy(podFailurePolicy(task))
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(labels)
        .withAnnotations(annotations)
        .endMetadata()
        .withNewSpec()
        .withRestartPolicy("Never")
        .withServiceAccountName(
            orDefault(poolSpec.getServiceAccountName(), config.runnerServiceAccount()))
        .withNodeSelector(poolSpec.getNodeSelector())
        .withTolerations(poolSpec.getTolerations())
        .withAffinity(poolSpec.getAffinity())
        .withPriorityClassName(poolSpec.getPriorityClassName())
        .withTerminationGracePeriodSeconds(config.terminationGraceSeconds())
        .withSecurityContext(TaskPodSecurity.pod(poolSpec))
        .addNewContainer()
        .withName(JobContract.CONTAINER)
        .withImage(orDefault(poolSpec.getImage(), config.runnerImage()))
        .withImagePullPolicy(
            orDefault(poolSpec.getImagePullPolicy(), config.runnerImagePullPolicy()))
        .withArgs(JobContract.ARGS)
        .withEnv(JobEnv.of(task, pool, config))
        .withResources(poolSpec.getResources())
        .withSecurityContext(TaskPodSecurity.container(poolSpec))
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  /** Owner reference making the task the Job's controller. */
  public static OwnerReference ownerReference(PlexusTask task) {
    return new OwnerReferenceBuilder()
        .withApiVersion(task.getApiVersion())
        .withKind(task.getKind())
        .withName(task.getMetadata().getName())
        .withUid(task.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }

  /** FailJob on 124, 126, 127 and the task's non-retryable exit codes; Ignore pod disruptions. */
  static PodFailurePolicy podFailurePolicy(PlexusTask task) {
    TreeSet<Integer> codes = new TreeSet<>(JobContract.NEVER_RETRY_EXIT_CODES);
    if (task.getSpec().getRetry() != null
        && task.getSpec().getRetry().getNonRetryableExitCodes() != null) {
      task.getSpec().getRetry().getNonRetryableExitCodes().stream()
          .filter(code -> code != null && code != 0)
          .forEach(codes::add);
    }
    return new PodFailurePolicyBuilder()
        .addNewRule()
        .withAction("FailJob")
        .withNewOnExitCodes()
        .withContainerName(JobContract.CONTAINER)
        .withOperator("In")
        .withValues(List.copyOf(codes))
        .endOnExitCodes()
        .endRule()
        .addNewRule()
        .withAction("Ignore")
        .addNewOnPodCondition()
        .withType("DisruptionTarget")
        .withStatus("True")
        .endOnPodCondition()
        .endRule()
        .build();
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
