package us.anth.plexus.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fails when the README's Reference section differs from what the CRD schema says: field tables,
 * validation rules and the order of the {@code kubectl get} columns. The message holds the text to
 * paste.
 */
class ReadmeReferenceTest {
  @ParameterizedTest
  @MethodSource("us.anth.plexus.api.CrdFiles#names")
  void referenceMatchesTheCrd(String file) throws IOException {
    JsonNode crd = CrdFiles.read(file);
    String readme = Files.readString(Path.of("../README.md"));
    String reference = readme.substring(readme.indexOf("## Reference"));

    List<String> expected =
        List.of(
            ReferenceTables.fieldTable(crd, "spec"),
            ReferenceTables.fieldTable(crd, "status"),
            ReferenceTables.validationRules(crd),
            ReferenceTables.printerColumns(crd));

    assertThat(expected.get(0)).contains("| `");
    assertThat(expected)
        .allSatisfy(
            text ->
                assertThat(reference)
                    .as("README Reference section lacks, verbatim:%n%s", text)
                    .contains(text));
  }
}
