package us.anth.plexus.devkit.cluster;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import us.anth.plexus.devkit.EmbeddedKubeApi;

/** Installs the generated Plexus CRDs on a real API server and waits until they are served. */
public final class ClusterCrds {
  private ClusterCrds() {}

  /** Server-side applies both CRDs and waits (up to a minute each) until they are Established. */
  public static void install(KubernetesClient client) {
    for (String resource : EmbeddedKubeApi.CRD_RESOURCES) {
      try (InputStream in = ClusterCrds.class.getResourceAsStream(resource)) {
        CustomResourceDefinition crd =
            client.apiextensions().v1().customResourceDefinitions().load(in).item();
        client.resource(crd).forceConflicts().serverSideApply();
        client
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .withName(crd.getMetadata().getName())
            .waitUntilCondition(ClusterCrds::established, 60, TimeUnit.SECONDS);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Whether the CRD's Established condition is True. */
  public static boolean established(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
