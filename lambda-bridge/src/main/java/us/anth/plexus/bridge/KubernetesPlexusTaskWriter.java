package us.anth.plexus.bridge;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import us.anth.plexus.api.PlexusTask;

/** {@link PlexusTaskWriter} over the Kubernetes API; an existing task (409) is fetched. */
public final class KubernetesPlexusTaskWriter implements PlexusTaskWriter {
  private final KubernetesClient client;

  public KubernetesPlexusTaskWriter(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public Optional<PlexusTask> find(String namespace, String name) {
    return Optional.ofNullable(
        client.resources(PlexusTask.class).inNamespace(namespace).withName(name).get());
  }

  @Override
  public boolean deleteAndWait(PlexusTask task, Duration timeout) {
    var resource =
        client
            .resources(PlexusTask.class)
            .inNamespace(task.getMetadata().getNamespace())
            .withName(task.getMetadata().getName());
    resource.delete();
    try {
      resource.waitUntilCondition(Objects::isNull, timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (KubernetesClientTimeoutException stillThere) {
      return false;
    }
  }

  @Override
  public PlexusTask createOrFind(PlexusTask task) {
    var tasks = client.resources(PlexusTask.class).inNamespace(task.getMetadata().getNamespace());
    try {
      return tasks.resource(task).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
      PlexusTask existing = tasks.withName(task.getMetadata().getName()).get();
      if (existing == null) {
        throw new KubernetesClientException(
            "PlexusTask " + task.getMetadata().getName() + " existed and then vanished; retry",
            HttpURLConnection.HTTP_CONFLICT,
            e.getStatus());
      }
      return existing;
    }
  }
}
