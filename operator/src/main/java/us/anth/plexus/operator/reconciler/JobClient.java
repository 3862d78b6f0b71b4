package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ScalableResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

/** The operator's writes and uncached reads of Jobs (thin API calls). */
final class JobClient {
  private final KubernetesClient client;

  JobClient(KubernetesClient client) {
    this.client = client;
  }

  /** Creates the Job; when it already exists (409) returns the existing one. */
  Job create(Job job) {
    try {
      return client.batch().v1().jobs().resource(job).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
      Job existing = job(job.getMetadata().getNamespace(), job.getMetadata().getName()).get();
      if (existing == null) {
        throw e;
      }
      return existing;
    }
  }

  /** Deletes the Job and (foreground) its pods; a missing Job is fine. */
  void deleteForeground(String namespace, String name) {
    job(namespace, name).withPropagationPolicy(DeletionPropagation.FOREGROUND).delete();
  }

  /** Un-suspends a queued Job (no resourceVersion needed, so no read first); returns it. */
  Job release(Job job) {
    return client
        .batch()
        .v1()
        .jobs()
        .resource(job)
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"suspend\":false}}");
  }

  private ScalableResource<Job> job(String namespace, String name) {
    return client.batch().v1().jobs().inNamespace(namespace).withName(name);
  }
}
