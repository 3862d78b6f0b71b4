package us.anth.plexus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.anth.plexus.devkit.Kubectl;

/**
 * {@code bin/plexusctl} as a user runs it, a separate process from the checkout: {@code dev
 * --demo}, and the client commands as the kubectl plugin {@code kubectl plexus}.
 */
class LauncherIT {
  private static final Path CHECKOUT =
      Path.of(System.getProperty("plexus.checkout", "..")).toAbsolutePath().normalize();

  @Test
  void kubectlPluginTakesGlobalOptionsBeforeAndAfterTheCommand(@TempDir Path dir) throws Exception {
    Optional<Path> kubectl = Kubectl.find(dir).map(Kubectl::binary);
    assumeTrue(kubectl.isPresent(), "kubectl is not installed (not on PATH); skipping");
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    Files.createSymbolicLink(plugins.resolve("kubectl-plexus"), CHECKOUT.resolve("bin/plexusctl"));
    try (DevStackFixture dev = new DevStackFixture(dir.resolve("dev"))) {
      assertThat(dev.run("dispatch", "plexus-runner demo --seconds 1", "--type", "plugin-demo"))
          .extracting(DevStackFixture.Run::exitCode)
          .isEqualTo(0);
      String kubeconfig = "--kubeconfig " + dev.stack.kubeconfig();

      assertThat(
              succeeds(
                  plugins,
                  kubectl.get(),
                  "plexus "
                      + kubeconfig
                      + " -n default"
                      + " --context plexus-dev list --type plugin-demo"))
          .as("global options before the command")
          .startsWith("NAME")
          .contains("plugin-demo");
      assertThat(
              succeeds(
                  plugins,
                  kubectl.get(),
                  "plexus list " + kubeconfig + " -A -o name --context plexus-dev"))
          .as("global options after the command")
          .startsWith("plexustask.plexus.anth.us/");
      assertThat(
              succeeds(
                  plugins, kubectl.get(), "plexus " + kubeconfig + " list --namespace elsewhere"))
          .doesNotContain("plugin-demo");
      Plugin unknown =
          plugin(plugins, kubectl.get(), "plexus " + kubeconfig + " list --no-such-flag");
      assertThat(unknown.exitCode()).isEqualTo(2);
      assertThat(unknown.err())
          .as("one line naming the command as typed, not the usage")
          .isEqualTo(
              "error: Unknown option: '--no-such-flag' (see 'kubectl plexus list --help')\n");
    }
  }

  /** The stdout of {@code kubectl <words>}, which must exit 0. */
  private static String succeeds(Path plugins, Path kubectl, String words) throws Exception {
    Plugin run = plugin(plugins, kubectl, words);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run.out();
  }

  /** Output of one {@code kubectl <args>} call that runs the plugin. */
  private record Plugin(int exitCode, String out, String err) {}

  /** Runs {@code kubectl <words>} (split at spaces) with the plugin directory first on PATH. */
  private static Plugin plugin(Path plugins, Path kubectl, String words) throws Exception {
    List<String> command = new ArrayList<>(List.of(kubectl.toString()));
    command.addAll(List.of(words.split(" ")));
    ProcessBuilder builder = new ProcessBuilder(command).directory(CHECKOUT.toFile());
    builder.environment().put("PATH", plugins + File.pathSeparator + System.getenv("PATH"));
    builder.environment().put("PLEXUSCTL_MAVEN_ARGS", "-o");
    Path err = Files.createTempFile(plugins, "stderr", ".txt");
    Process process = builder.redirectError(err.toFile()).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return new Plugin(process.exitValue(), out, Files.readString(err));
  }

  @Test
  void devDemoPrintsTheCompletedTaskAsJson(@TempDir Path devDir) throws Exception {
    Path stderr = devDir.resolveSibling(devDir.getFileName() + "-stderr.txt");
    Path checkout = CHECKOUT;
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
