package us.anth.plexus.devkit.executor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A started runner process whose merged output goes, line by line, to a sink. */
public final class LocalProcess {
  private final Process process;
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();

  private LocalProcess(Process process) {
    this.process = process;
  }

  /** Starts {@code spec} (inheriting this JVM's environment, overridden by the spec's env). */
  public static LocalProcess start(ProcessSpec spec, Consumer<String> output) {
    ProcessBuilder builder = new ProcessBuilder(spec.command()).redirectErrorStream(true);
    builder.environment().putAll(spec.env());
    try {
      LocalProcess started = new LocalProcess(builder.start());
      Thread pump = new Thread(() -> started.pump(output), "local-executor-log");
      pump.setDaemon(true);
      pump.start();
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void pump(Consumer<String> output) {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        output.accept(line + "\n");
      }
    } catch (IOException e) {
      output.accept("[local-executor] output stream closed: " + e.getMessage() + "\n");
    }
    try {
      exit.complete(process.waitFor());
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

  /** SIGTERM to the process, SIGKILL to its tree after {@code grace}; blocks until it is gone. */
  public void terminate(Duration grace) {
    if (!process.isAlive()) {
      return;
    }
    // Like the kubelet: SIGTERM to the container's main process only (the runner forwards it to
    // its command); through the handle, so the output stream stays open for its last lines.
    process.toHandle().destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.toHandle().destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.toHandle().destroyForcibly();
    }
  }
}
