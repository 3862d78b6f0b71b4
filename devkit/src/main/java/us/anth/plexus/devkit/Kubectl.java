package us.anth.plexus.devkit;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The kubectl installed on this machine, pointed at one kubeconfig (usually the dev API's): for
 * tests and diagnostics that check what kubectl can do against it.
 */
public final class Kubectl {
  private static final long TIMEOUT_SECONDS = 60;

  private final Path binary;
  private final Path kubeconfig;

  public Kubectl(Path binary, Path kubeconfig) {
    this.binary = binary;
    this.kubeconfig = kubeconfig;
  }

  /** kubectl from {@code PATH} with {@code kubeconfig}, or empty when it is not installed. */
  public static Optional<Kubectl> find(Path kubeconfig) {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    return Arrays.stream(path.split(File.pathSeparator))
        .filter(dir -> !dir.isBlank())
        .map(dir -> Path.of(dir, "kubectl"))
        .filter(Files::isExecutable)
        .findFirst()
        .map(binary -> new Kubectl(binary, kubeconfig));
  }

  /** The kubectl executable. */
  public Path binary() {
    return binary;
  }

  /**
   * Runs {@code kubectl --kubeconfig <file> <args>} and returns its output (stdout and stderr).
   *
   * @throws IllegalStateException when kubectl exits non-zero or runs longer than 60 s (the message
   *     carries its output)
   */
  public String run(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of(binary.toString(), "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("kubectl " + String.join(" ", args) + " timed out");
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          "kubectl " + String.join(" ", args) + " exited " + process.exitValue() + ": " + out);
    }
    return out;
  }
}
