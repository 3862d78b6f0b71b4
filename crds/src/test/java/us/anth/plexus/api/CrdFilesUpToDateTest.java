package us.anth.plexus.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Fails when a committed CRD copy differs from what the build generated from the Java model. */
class CrdFilesUpToDateTest {
  private static final Path GENERATED = Path.of("target/classes/META-INF/fabric8");
  private static final List<Path> COMMITTED =
      List.of(Path.of("."), Path.of("../helm/plexus-operator/crds"));

  @ParameterizedTest
  @MethodSource("us.anth.plexus.api.CrdFiles#names")
  void committedCopiesMatchTheGeneratedCrd(String file) throws IOException {
    String generated = Files.readString(GENERATED.resolve(file));
    assertThat(generated).contains("group: \"plexus.anth.us\"");
    for (Path dir : COMMITTED) {
      assertThat(dir.resolve(file))
          .as("%s is stale; run ./mvnw -pl crds -Pupdate-crds process-classes", dir.resolve(file))
          .hasContent(generated);
    }
  }
}
