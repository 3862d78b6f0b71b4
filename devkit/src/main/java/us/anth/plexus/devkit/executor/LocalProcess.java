package us.anth.plexus.devkit.executor;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A started runner process, standing in for a pod's container: in a process group of its own (like
 * a container's processes) that is killed as a whole when the process ends or is stopped, so no
 * command outlives its pod. Its merged output goes to a sink in chunks of at most {@link #CHUNK}
 * characters (a line longer than that arrives in several pieces), so memory never follows the
 * length of a line.
 */
public final class LocalProcess {
  /** Most characters handed to the output sink at once. */
  static final int CHUNK = 8192;

  private static final String SETSID = "/usr/bin/setsid";

  private final Process process;
  private final boolean ownGroup;
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();

  private LocalProcess(Process process, boolean ownGroup) {
    this.process = process;
    this.ownGroup = ownGroup;
  }

  /** Starts {@code spec} (inheriting this JVM's environment, overridden by the spec's env). */
  public static LocalProcess start(ProcessSpec spec, Consumer<String> output) {
    boolean ownGroup = Files.isExecutable(Path.of(SETSID));
    List<String> command = new ArrayList<>();
    if (ownGroup) {
      command.add(SETSID); // not a group leader here, so setsid execs in place: pgid == pid
    }
    command.addAll(spec.command());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(spec.env());
    try {
      LocalProcess started = new LocalProcess(builder.start(), ownGroup);
      Thread pump = new Thread(() -> started.pump(output), "local-executor-log");
      pump.setDaemon(true);
      pump.start();
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void pump(Consumer<String> output) {
    try (Reader reader = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
      char[] buffer = new char[CHUNK];
      int read;
      while ((read = reader.read(buffer)) >= 0) {
        if (read > 0) {
          output.accept(new String(buffer, 0, read));
        }
      }
    } catch (IOException e) {
      output.accept("[local-executor] output stream closed: " + e.getMessage() + "\n");
    }
    try {
      int code = process.waitFor();
      killGroup(); // whatever the command left behind ends with its pod
      exit.complete(code);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exit.complete(-1);
    }
  }

  /** Completes with the exit code once the process ended and its output was read. */
  public CompletableFuture<Integer> exit() {
    return exit;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * SIGTERM to the process, SIGKILL to its whole group after {@code grace} (the pod's
   * terminationGracePeriodSeconds); blocks until it is gone.
   */
  public void terminate(Duration grace) {
    if (!process.isAlive()) {
      killGroup();
      return;
    }
    // Like the kubelet: SIGTERM to the container's main process only (the runner forwards it to
    // its command); through the handle, so the output stream stays open for its last lines.
    process.toHandle().destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        killGroup();
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.toHandle().destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.toHandle().destroyForcibly();
    }
    killGroup();
  }

  /** SIGKILL to every process left in the process's group (none: a harmless no-op). */
  private void killGroup() {
    if (!ownGroup) {
      return;
    }
    try {
      new ProcessBuilder("kill", "-KILL", "--", "-" + process.pid())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
