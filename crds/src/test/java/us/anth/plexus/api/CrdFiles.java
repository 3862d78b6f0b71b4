package us.anth.plexus.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The CRD files committed in {@code crds/}, for parameterized tests that read them. */
final class CrdFiles {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private CrdFiles() {}

  /** File names, for {@code @MethodSource("us.anth.plexus.api.CrdFiles#names")}. */
  static List<String> names() {
    return List.of("plexustasks.plexus.anth.us-v1.yml", "plexusworkerpools.plexus.anth.us-v1.yml");
  }

  /** The committed copy of {@code name} as a tree. */
  static JsonNode read(String name) throws IOException {
    return YAML.readTree(Path.of(name).toFile());
  }
}
