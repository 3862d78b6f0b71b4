package us.anth.plexus.devkit.appsync;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The simulator's npm project (package.json, package-lock.json, schema and scripts, shipped as
 * resources) unpacked into a cache directory named by the files' hash, with {@code npm ci} run
 * there once; later starts, from any module, reuse it. A lock file keeps two JVMs from installing
 * at once.
 */
final class SimulatorProject {
  static final List<String> FILES =
      List.of("package.json", "package-lock.json", "schema.graphql", "server.js", "transform.js");
  private static final String RESOURCES = "/us/anth/plexus/devkit/appsync-sim/";
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(8);
  private static final Pattern NETWORK_ERROR =
      Pattern.compile("ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|ENETUNREACH|network");

  private SimulatorProject() {}

  /** The installed project directory; throws {@link SimulatorUnavailableException} if it can't. */
  static Path installed() {
    Path dir = cacheRoot().resolve(hash());
    try {
      Files.createDirectories(dir);
      try (FileChannel channel =
              FileChannel.open(
                  dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        if (!Files.exists(dir.resolve("node_modules/.installed"))) {
          unpack(dir);
          npmCi(dir);
          Files.writeString(dir.resolve("node_modules/.installed"), "ok");
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code $PLEXUS_APPSYNC_SIM_CACHE}, else {@code ~/.cache/plexus/appsync-sim}. */
  private static Path cacheRoot() {
    String override = System.getenv("PLEXUS_APPSYNC_SIM_CACHE");
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "plexus", "appsync-sim");
  }

  private static void unpack(Path dir) throws IOException {
    for (String file : FILES) {
      Files.write(dir.resolve(file), resource(file));
    }
  }

  private static void npmCi(Path dir) throws IOException {
    Path log = dir.resolve("npm-ci.log");
    Process npm =
        new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      if (!npm.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        npm.destroyForcibly();
        throw new SimulatorUnavailableException("npm ci took longer than " + INSTALL_TIMEOUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      npm.destroyForcibly();
      throw new SimulatorUnavailableException("interrupted during npm ci");
    }
    if (npm.exitValue() != 0) {
      List<String> lines = Files.readAllLines(log);
      String last = lines.stream().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
      String message = "npm ci failed (exit " + npm.exitValue() + "; see " + log + "): " + last;
      boolean offline = lines.stream().anyMatch(l -> NETWORK_ERROR.matcher(l).find());
      throw offline
          ? new SimulatorUnavailableException("the npm registry is unreachable: " + message)
          : new IllegalStateException(message);
    }
  }

  private static String hash() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String file : FILES) {
        digest.update(resource(file));
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] resource(String file) {
    try (InputStream in = SimulatorProject.class.getResourceAsStream(RESOURCES + file)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCES + file);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
