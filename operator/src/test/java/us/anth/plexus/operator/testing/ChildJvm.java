package us.anth.plexus.operator.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A main class of the test classpath run as a real child JVM with a clean PLEXUS_ and KUBERNETES_
 * environment; its stdout is collected line by line, its stderr kept in a file.
 */
public final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final Path stderr;
  private final List<String> stdout = new CopyOnWriteArrayList<>();
  private final Thread reader;

  private ChildJvm(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    this.reader = new Thread(this::readStdout, "child-jvm-stdout");
    reader.start();
  }

  /** Starts {@code mainClass} with {@code env} added to this JVM's environment. */
  public static ChildJvm start(Class<?> mainClass, Map<String, String> env) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), mainClass.getName());
    builder
        .environment()
        .keySet()
        .removeIf(k -> k.startsWith("PLEXUS_") || k.startsWith("KUBERNETES_"));
    builder.environment().putAll(env);
    Path stderr = Files.createTempFile("child-jvm", ".stderr");
    builder.redirectError(stderr.toFile());
    return new ChildJvm(builder.start(), stderr);
  }

  /** The stdout lines so far (all of them once the process has exited). */
  public List<String> stdout() {
    return List.copyOf(stdout);
  }

  /** The process id (for jcmd). */
  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Everything the process wrote to stderr so far. */
  public String stderr() throws IOException {
    return Files.readString(stderr);
  }

  /**
   * Sends SIGTERM, as Kubernetes does when it stops a pod. Through the handle: {@code
   * Process.destroy()} would also close our end of stdout and lose the last lines.
   */
  public void terminate() {
    process.toHandle().destroy();
  }

  /** Waits for the exit and the last stdout line; fails if the process is still running. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("still running after " + timeout + "; stdout: " + stdout);
    }
    reader.join(timeout.toMillis());
    return process.exitValue();
  }

  @Override
  public void close() throws IOException {
    process.destroyForcibly();
    Files.deleteIfExists(stderr);
  }

  private void readStdout() {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      lines.lines().forEach(stdout::add);
    } catch (IOException | UncheckedIOException e) {
      // the process was killed mid-line: what was read is all there is
    }
  }
}
