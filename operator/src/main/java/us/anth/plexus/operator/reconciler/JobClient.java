package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ScalableResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import java.util.Set;
import us.anth.plexus.api.LabelValues;
import us.anth.plexus.api.PlexusLabels;

/** The operator's writes and consistent reads of Jobs (thin API calls). */
final class JobClient {
  private final KubernetesClient client;
  private final Set<String> namespaces;

  JobClient(KubernetesClient client, Set<String> namespaces) {
    this.client = client;
    this.namespaces = namespaces;
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

  /** The Job as stored now (not cached), or null. */
  Job get(String namespace, String name) {
    return job(namespace, name).get();
  }

  /** Deletes the Job and (foreground) its pods; a missing Job is fine. */
  void deleteForeground(String namespace, String name) {
    job(namespace, name).withPropagationPolicy(DeletionPropagation.FOREGROUND).delete();
  }

  /** Un-suspends a queued Job. */
  void release(Job job) {
    job(job.getMetadata().getNamespace(), job.getMetadata().getName())
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"suspend\":false}}");
  }

  /** Every Job of the pool, read from the API server (not a cache) in the watched namespaces. */
  List<Job> listPoolJobs(String pool) {
    String value = LabelValues.sanitize(pool);
    if (namespaces.isEmpty()) {
      return client
          .batch()
          .v1()
          .jobs()
          .inAnyNamespace()
          .withLabel(PlexusLabels.POOL, value)
          .list()
          .getItems();
    }
    return namespaces.stream()
        .flatMap(
            ns ->
                client
                    .batch()
                    .v1()
                    .jobs()
                    .inNamespace(ns)
                    .withLabel(PlexusLabels.POOL, value)
                    .list()
                    .getItems()
                    .stream())
        .toList();
  }

  private ScalableResource<Job> job(String namespace, String name) {
    return client.batch().v1().jobs().inNamespace(namespace).withName(name);
  }
}
