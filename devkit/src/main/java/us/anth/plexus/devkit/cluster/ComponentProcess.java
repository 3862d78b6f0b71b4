package us.anth.plexus.devkit.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One running control-plane component ({@code kube-local <component> <args>}) logging to a file.
 */
public final class ComponentProcess {
  private final String component;
  private final Process process;
  private final Path log;

  private ComponentProcess(String component, Process process, Path log) {
    this.component = component;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code binary component args...}, output appended to {@code logDir/component.log}. */
  public static ComponentProcess start(
      Path binary, String component, List<String> args, Path logDir) {
    List<String> command = new ArrayList<>(List.of(binary.toString(), component));
    command.addAll(args);
    Path log = logDir.resolve(component + ".log");
    try {
      Files.createDirectories(logDir);
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      return new ComponentProcess(component, process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start kube-local " + component, e);
    }
  }

  public String component() {
    return component;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  /** SIGTERM, then SIGKILL after 10 s; blocks until the process is gone. */
  public void stop() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** SIGKILL ({@code kill -9}); blocks until the process is gone. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The last {@code lines} lines of the component's log, for failure messages. */
  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
