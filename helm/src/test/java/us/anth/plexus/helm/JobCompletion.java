package us.anth.plexus.helm;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.Map;

/**
 * Stands in for the Job controller on the mock API server (which has none): writes the status a Job
 * gets once its only pod exited 0.
 */
final class JobCompletion {
  private JobCompletion() {}

  /** Patches the Job's status to succeeded, with the Complete condition. */
  static void complete(KubernetesClient client, Job job) {
    String now = Instant.now().toString();
    JobStatus status =
        new JobStatusBuilder()
            .withStartTime(now)
            .withCompletionTime(now)
            .withActive(0)
            .withSucceeded(1)
            .withConditions(condition("SuccessCriteriaMet", now), condition("Complete", now))
            .build();
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

  private static JobCondition condition(String type, String now) {
    return new JobConditionBuilder()
        .withType(type)
        .withStatus("True")
        .withReason("CompletionsReached")
        .withLastTransitionTime(now)
        .build();
  }
}
