package us.anth.plexus.runner.publish;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import us.anth.plexus.api.PlexusTask;

/** Writes snapshots to the PlexusTask status subresource as JSON merge patches of runner fields. */
public final class KubernetesStatusSink implements ProgressSink {
  private final KubernetesClient client;

  public KubernetesStatusSink(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public String name() {
    return "kubernetes";
  }

  @Override
  public void publish(TaskSnapshot snapshot) {
    PlexusTask patch = new PlexusTask();
    patch.setMetadata(
        new ObjectMetaBuilder()
            .withName(snapshot.task().name())
            .withNamespace(snapshot.task().namespace())
            .build());
    patch.setStatus(StatusPatch.of(snapshot));
    client.resource(patch).patchStatus();
  }
}
