package us.anth.plexus.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import us.anth.plexus.api.PlexusTask;

/** Starts {@code RunnerMain run} as a separate JVM serving a task on an embedded API server. */
public final class RunnerProcess {
  private RunnerProcess() {}

  /**
   * Starts the runner for {@code task}; its stdout is discarded (it can be huge), its stderr goes
   * to {@code stderrFile}.
   */
  public static Process start(
      String apiUrl, PlexusTask task, String heap, Map<String, String> env, Path stderrFile)
      throws IOException {
    Path kubeconfig = Files.createTempFile("runner-kubeconfig", ".yaml");
    Files.writeString(kubeconfig, kubeconfig(apiUrl));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(RunnerMain.class.getName());
    command.add("run");
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> childEnv = builder.environment();
    childEnv.put("KUBECONFIG", kubeconfig.toString());
    childEnv.put("PLEXUS_TASK_NAMESPACE", task.getMetadata().getNamespace());
    childEnv.put("PLEXUS_TASK_NAME", task.getMetadata().getName());
    childEnv.put("PLEXUS_TASK_ID", task.getSpec().getTaskId());
    childEnv.put("PLEXUS_COMMAND_PREFIX", "");
    childEnv.put("PLEXUS_POD_NAME", "test-pod");
    childEnv.putAll(env);
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.redirectError(stderrFile.toFile());
    return builder.start();
  }

  /**
   * Runs the runner for {@code task} to its end (at most 60 s) and returns its exit code; the
   * assertion messages carry its stderr.
   */
  public static int runToEnd(
      String apiUrl, PlexusTask task, Map<String, String> env, Path stderrFile)
      throws IOException, InterruptedException {
    Process runner = start(apiUrl, task, "128m", env, stderrFile);
    assertThat(runner.waitFor(60, TimeUnit.SECONDS)).as(Files.readString(stderrFile)).isTrue();
    return runner.exitValue();
  }

  private static String kubeconfig(String url) {
    return String.join(
        "\n",
        "apiVersion: v1",
        "kind: Config",
        "clusters:",
        "- name: embedded",
        "  cluster:",
        "    server: " + url,
        "contexts:",
        "- name: embedded",
        "  context:",
        "    cluster: embedded",
        "    user: embedded",
        "current-context: embedded",
        "users:",
        "- name: embedded",
        "  user:",
        "    token: test",
        "");
  }

  /** A script file under {@code dir}, made executable. */
  public static Path script(Path dir, String name, String body) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, body);
    if (!file.toFile().setExecutable(true)) {
      throw new IOException("cannot make " + file + " executable");
    }
    return file;
  }

  /**
   * A Python script that ignores SIGTERM, starts a grandchild {@code sleep} (which inherits the
   * ignored signal), writes "own-pid grandchild-pid" to the file given as its argument, prints
   * "ready" and sleeps.
   */
  public static Path stubbornScript(Path dir) throws IOException {
    return script(
        dir,
        "stubborn.py",
        """
        import os, signal, subprocess, sys, time
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        child = subprocess.Popen(["sleep", "120"])
        open(sys.argv[1], "w").write("%d %d" % (os.getpid(), child.pid))
        print("ready", flush=True)
        time.sleep(120)
        """);
  }

  /** The pids a {@link #stubbornScript} wrote. */
  public static long[] pids(Path pidFile) throws IOException {
    String[] parts = Files.readString(pidFile).trim().split(" ");
    return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
  }
}
