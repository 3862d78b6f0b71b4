package us.anth.plexus.devkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.target.Target;
import us.anth.plexus.api.target.TargetPattern;

/**
 * Every manifest in {@code examples/} parses strictly into our typed objects (an unknown or
 * misspelt field fails), has valid targets, and is accepted by the dev API, so a broken example
 * fails the build.
 */
class ExamplesIT {
  private static final Path EXAMPLES =
      Path.of(System.getProperty("plexus.checkout", ".."), "examples");
  private static final ObjectMapper STRICT_YAML =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final Map<String, Class<? extends HasMetadata>> KINDS =
      Map.of("PlexusTask", PlexusTask.class, "PlexusWorkerPool", PlexusWorkerPool.class);

  private static EmbeddedKubeApi api;

  @BeforeAll
  static void start() {
    api = EmbeddedKubeApi.start();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void everyExampleParsesAndIsCreatedOnTheDevApi() throws IOException {
    List<Path> files = exampleFiles();
    assertThat(files).as("manifests in %s", EXAMPLES.toAbsolutePath()).isNotEmpty();
    List<HasMetadata> created = new ArrayList<>();
    for (Path file : files) {
      for (HasMetadata object : parse(file)) {
        validateTargets(file, object);
        created.add(api.client().resource(object).create());
      }
    }
    assertThat(created)
        .allSatisfy(o -> assertThat(o.getMetadata().getUid()).isNotBlank())
        .extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
        .contains("PlexusTask/demo-from-kubectl", "PlexusWorkerPool/gpu");
  }

  @Test
  void theWorkerPoolExampleIsAGpuPool() throws IOException {
    PlexusWorkerPool pool = (PlexusWorkerPool) parse(EXAMPLES.resolve("worker-pool.yaml")).get(0);
    var spec = pool.getSpec();
    assertThat(spec.getResources().getLimits()).containsEntry("nvidia.com/gpu", new Quantity("1"));
    assertThat(spec.getTolerations())
        .anySatisfy(t -> assertThat(t.getKey()).isEqualTo("nvidia.com/gpu"));
    assertThat(spec.getNodeSelector()).isNotEmpty();
    assertThat(spec.getTargets().stream().map(TargetPattern::parse))
        .anyMatch(p -> p.matches(Target.parse("training/gpu-required")));
  }

  private static List<Path> exampleFiles() throws IOException {
    try (Stream<Path> list = Files.list(EXAMPLES)) {
      return list.filter(p -> p.toString().matches(".*\\.ya?ml")).sorted().toList();
    }
  }

  /** Each YAML document of {@code file} as its typed class; unknown kinds fail. */
  private static List<HasMetadata> parse(Path file) throws IOException {
    List<HasMetadata> objects = new ArrayList<>();
    for (JsonNode document :
        STRICT_YAML.readValues(STRICT_YAML.createParser(file.toFile()), JsonNode.class).readAll()) {
      String kind = document.path("kind").asText();
      assertThat(KINDS).as("kind %s in %s", kind, file).containsKey(kind);
      try {
        objects.add(STRICT_YAML.treeToValue(document, KINDS.get(kind)));
      } catch (JsonProcessingException e) {
        throw new AssertionError(file.getFileName() + ": " + e.getOriginalMessage(), e);
      }
    }
    assertThat(objects).as("documents in %s", file).isNotEmpty();
    return objects;
  }

  private static void validateTargets(Path file, HasMetadata object) {
    if (object instanceof PlexusTask task) {
      Target.parse(task.getSpec().getTarget());
    } else if (object instanceof PlexusWorkerPool pool) {
      assertThat(pool.getSpec().getTargets()).as("targets in %s", file).isNotEmpty();
      pool.getSpec().getTargets().forEach(TargetPattern::parse);
    }
  }
}
