package us.anth.plexus.controlplane;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The chart's identities rendered offline with helm-java (as the helm module's tests render it):
 * ServiceAccounts, Roles, ClusterRoles and their bindings for release {@value #RELEASE} in {@value
 * #RELEASE_NAMESPACE} watching the given namespaces, with leader election on (its Lease Role).
 */
final class ChartRbac {
  static final String RELEASE = "plexus-operator";
  static final String RELEASE_NAMESPACE = "plexus-system";
  static final String OPERATOR_ACCOUNT = "plexus-operator";
  static final String RUNNER_ACCOUNT = "plexus-runner";
  static final String LEADER_LEASE = "plexus-operator-leader";

  private static final Set<String> KINDS =
      Set.of("ServiceAccount", "Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding");
  private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

  private ChartRbac() {}

  /** The chart's helm/plexus-operator directory (set by the pom, else found from here). */
  static Path chartDir() {
    String configured = System.getProperty("plexus.chart.dir");
    return configured != null
        ? Path.of(configured)
        : Path.of("../helm/plexus-operator").toAbsolutePath().normalize();
  }

  /** The identity objects `helm template` renders with {@code watchNamespaces: [namespaces]}. */
  static List<HasMetadata> render(List<String> namespaces, Path scratch) {
    return render(
        "replicaCount: 1\nleaderElection: {enabled: true}\nwatchNamespaces: ["
            + String.join(", ", namespaces)
            + "]\n",
        null,
        KINDS,
        scratch);
  }

  /**
   * The objects of {@code kinds} that `helm template` renders with {@code values} (YAML) for
   * Kubernetes {@code kubeVersion} (null: Helm's default).
   */
  static List<HasMetadata> render(
      String values, String kubeVersion, Set<String> kinds, Path scratch) {
    try {
      Path valuesFile = Files.createTempFile(scratch, "values", ".yaml");
      Files.writeString(valuesFile, values);
      var template =
          new Helm(chartDir())
              .template()
              .withName(RELEASE)
              .withNamespace(RELEASE_NAMESPACE)
              .withValuesFile(valuesFile);
      String yaml = (kubeVersion == null ? template : template.withKubeVersion(kubeVersion)).call();
      List<HasMetadata> objects = new ArrayList<>();
      for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
        if (document.lines().allMatch(line -> line.isBlank() || line.startsWith("#"))) {
          continue;
        }
        HasMetadata object = Serialization.unmarshal(document);
        if (kinds.contains(object.getKind())) {
          objects.add(object);
        }
      }
      return objects;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
