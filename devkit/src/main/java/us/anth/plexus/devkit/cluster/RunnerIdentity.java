package us.anth.plexus.devkit.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The runner's ServiceAccount {@value #NAME}, Role and RoleBinding (the Helm chart's runner rules)
 * for one namespace of a test or dev cluster that is not installed from the chart.
 */
public final class RunnerIdentity {
  /** Name of the ServiceAccount, Role and RoleBinding. */
  public static final String NAME = "plexus-runner";

  private static final String RESOURCE = "/local-cluster/runner-rbac.yaml";

  private RunnerIdentity() {}

  /** Applies the three objects to {@code namespace} (server-side apply), as the chart does. */
  public static void apply(KubernetesClient client, String namespace) {
    try (InputStream in = RunnerIdentity.class.getResourceAsStream(RESOURCE)) {
      for (HasMetadata object : client.load(in).items()) {
        object.getMetadata().setNamespace(namespace);
        if (object instanceof RoleBinding binding) {
          binding.getSubjects().forEach(subject -> subject.setNamespace(namespace));
        }
        client.resource(object).forceConflicts().serverSideApply();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
