package us.anth.plexus.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Fails when a spec or status field of a CRD is missing from the README's reference tables. */
class ReadmeReferenceTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @ParameterizedTest
  @ValueSource(
      strings = {"plexustasks.plexus.anth.us-v1.yml", "plexusworkerpools.plexus.anth.us-v1.yml"})
  void everyTopLevelFieldIsDocumented(String file) throws IOException {
    JsonNode schema =
        YAML.readTree(Path.of(file).toFile())
            .at("/spec/versions/0/schema/openAPIV3Schema/properties");
    String readme = Files.readString(Path.of("../README.md"));
    String reference = readme.substring(readme.indexOf("## Reference"));
    List<String> fields = new ArrayList<>();
    for (String part : List.of("spec", "status")) {
      schema.at("/" + part + "/properties").fieldNames().forEachRemaining(fields::add);
    }
    assertThat(fields).hasSizeGreaterThan(5);
    assertThat(fields)
        .allSatisfy(
            field -> assertThat(reference).as("README reference").contains("| `" + field + "` |"));
  }
}
