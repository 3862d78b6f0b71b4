package us.anth.plexus.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import us.anth.plexus.api.PlexusWorkerPool;

/**
 * Renders the chart in helm/plexus-operator offline with the Helm library embedded by helm-java.
 */
final class Chart {
  static final Path DIR = Path.of("plexus-operator").toAbsolutePath();
  static final String RELEASE = "plexus-operator";
  static final String NAMESPACE = "plexus-system";

  private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
  private static final Map<String, Class<? extends HasMetadata>> CUSTOM_KINDS =
      Map.of("PlexusWorkerPool", PlexusWorkerPool.class);

  private Chart() {}

  /** A template command for the chart, release {@value #RELEASE} in {@value #NAMESPACE}. */
  static TemplateCommand template() {
    return new Helm(DIR).template().withName(RELEASE).withNamespace(NAMESPACE);
  }

  /** Renders with the default values. */
  static RenderedChart render() {
    return parse(template().call());
  }

  /** Renders with a values file from src/test/resources. */
  static RenderedChart render(String valuesResource) {
    return parse(template().withValuesFile(testResource(valuesResource)).call());
  }

  static Path testResource(String name) {
    Path path = Path.of("src/test/resources", name).toAbsolutePath();
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("no test resource " + path);
    }
    return path;
  }

  /** Parses every document of a multi-document YAML stream into its fabric8 type. */
  static RenderedChart parse(String yaml) {
    List<HasMetadata> objects = new ArrayList<>();
    for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
      if (document.lines().allMatch(line -> line.isBlank() || line.startsWith("#"))) {
        continue;
      }
      objects.add(parseDocument(document));
    }
    return new RenderedChart(yaml, List.copyOf(objects));
  }

  private static HasMetadata parseDocument(String document) {
    HasMetadata object = Serialization.unmarshal(document);
    Class<? extends HasMetadata> custom = CUSTOM_KINDS.get(object.getKind());
    if (custom != null && object instanceof GenericKubernetesResource) {
      return Serialization.unmarshal(document, custom);
    }
    return object;
  }
}
