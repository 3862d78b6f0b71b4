package us.anth.plexus.devkit.executor;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Replaces Job and pod status through the status subresource (a JSON patch computed from the
 * current object, so stale fields such as a pod's running state disappear). The executor is the
 * only writer of these statuses.
 */
final class JobStatusWriter {
  private final KubernetesClient client;

  JobStatusWriter(KubernetesClient client) {
    this.client = client;
  }

  void write(Job job, JobStatus status) {
    ignoreNotFound(
        () ->
            client
                .batch()
                .v1()
                .jobs()
                .inNamespace(job.getMetadata().getNamespace())
                .withName(job.getMetadata().getName())
                .editStatus(current -> new JobBuilder(current).withStatus(status).build()));
  }

  void writePod(String namespace, String name, PodStatus status) {
    ignoreNotFound(
        () ->
            client
                .pods()
                .inNamespace(namespace)
                .withName(name)
                .editStatus(current -> new PodBuilder(current).withStatus(status).build()));
  }

  private static void ignoreNotFound(Runnable write) {
    try {
      write.run();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
    }
  }
}
