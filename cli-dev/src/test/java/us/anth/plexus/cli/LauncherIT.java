package us.anth.plexus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/plexusctl dev --demo} as a user runs it: a separate process from the checkout. */
class LauncherIT {
  @Test
  void devDemoPrintsTheCompletedTaskAsJson(@TempDir Path devDir) throws Exception {
    Path stderr = devDir.resolveSibling(devDir.getFileName() + "-stderr.txt");
    Path checkout =
        Path.of(System.getProperty("plexus.checkout", "..")).toAbsolutePath().normalize();
    ProcessBuilder builder =
        new ProcessBuilder(
                checkout.resolve("bin/plexusctl").toString(),
                "dev",
                "--demo",
                "--demo-seconds",
                "3",
                "--output",
                "json",
                "--dev-dir",
                devDir.toString())
            .directory(checkout.toFile())
            .redirectError(stderr.toFile());
    builder.environment().put("PLEXUSCTL_MAVEN_ARGS", "-o");
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();

    assertThat(process.exitValue()).as(out).isZero();
    assertThat(java.nio.file.Files.readString(stderr))
        .as("DynamoDB Local's banner only with -v")
        .doesNotContain("Initializing DynamoDB Local");
    JsonNode doc = new ObjectMapper().readTree(out);
    assertThat(doc.path("phase").asText()).isEqualTo("Succeeded");
    List<String> stages = new ArrayList<>();
    doc.path("status")
        .path("stages")
        .forEach(s -> stages.add(s.path("name").asText() + ":" + s.path("status").asText()));
    assertThat(stages)
        .containsExactly(
            "Initialization:COMPLETED", "Processing:COMPLETED", "Finalizing:COMPLETED");
    assertThat(doc.path("dynamodb").path("task").path("status").asText()).isEqualTo("COMPLETED");
    List<String> items = new ArrayList<>();
    doc.path("dynamodb")
        .path("stages")
        .forEach(s -> items.add(s.path("name").asText() + ":" + s.path("status").asText()));
    assertThat(items).containsExactlyElementsOf(stages);
  }
}
