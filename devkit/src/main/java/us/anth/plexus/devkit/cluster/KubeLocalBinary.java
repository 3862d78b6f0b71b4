package us.anth.plexus.devkit.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds the {@code kube-local} control-plane binary: {@code -Dplexus.kubeLocal.binary}, {@code
 * $PLEXUS_KUBE_LOCAL_BINARY}, or the cached build of {@code kube-local/build.sh} (which Maven runs
 * before the integration tests). Says why when there is none, so tests can skip with that reason.
 */
public record KubeLocalBinary(Optional<Path> path, String reason) {
  public static final String PROPERTY = "plexus.kubeLocal.binary";
  public static final String ENV = "PLEXUS_KUBE_LOCAL_BINARY";

  private static KubeLocalBinary found;

  /** The binary, looked up once per JVM. */
  public static synchronized KubeLocalBinary find() {
    if (found == null) {
      found = lookUp();
    }
    return found;
  }

  /** The binary's path; throws with the reason when there is none. */
  public Path require() {
    return path.orElseThrow(() -> new IllegalStateException(reason));
  }

  private static KubeLocalBinary lookUp() {
    String configured =
        Optional.ofNullable(System.getProperty(PROPERTY)).orElse(System.getenv(ENV));
    if (configured != null && !configured.isBlank()) {
      Path path = Path.of(configured);
      return Files.isExecutable(path)
          ? available(path)
          : missing("kube-local binary not built: " + path + " is not an executable file");
    }
    Optional<Path> script = buildScript();
    if (script.isEmpty()) {
      return missing("kube-local binary not built: kube-local/build.sh not found above " + cwd());
    }
    if (!onPath("go")) {
      return missing("Go not found on PATH: kube-local binary cannot be built");
    }
    return runBuild(script.get());
  }

  private static KubeLocalBinary runBuild(Path script) {
    try {
      Process process =
          new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
        return missing("kube-local binary not built: build.sh failed: " + lastLine(output));
      }
      String last = lastLine(output);
      Path binary = Path.of(last.strip());
      return last.startsWith("/") && Files.isExecutable(binary)
          ? available(binary)
          : missing("kube-local binary not built: " + last);
    } catch (IOException e) {
      return missing("kube-local binary not built: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return missing("kube-local binary not built: interrupted");
    }
  }

  /** {@code kube-local/build.sh} in the working directory or one of its parents. */
  static Optional<Path> buildScript() {
    for (Path dir = cwd(); dir != null; dir = dir.getParent()) {
      Path script = dir.resolve("kube-local").resolve("build.sh");
      if (Files.isRegularFile(script)) {
        return Optional.of(script);
      }
    }
    return Optional.empty();
  }

  private static boolean onPath(String command) {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  private static String lastLine(String output) {
    List<String> lines = output.strip().lines().toList();
    return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
  }

  private static Path cwd() {
    return Path.of("").toAbsolutePath();
  }

  private static KubeLocalBinary available(Path path) {
    return new KubeLocalBinary(Optional.of(path), "");
  }

  private static KubeLocalBinary missing(String reason) {
    return new KubeLocalBinary(Optional.empty(), reason);
  }
}
