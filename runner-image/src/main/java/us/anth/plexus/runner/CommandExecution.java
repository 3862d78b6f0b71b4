package us.anth.plexus.runner;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import us.anth.plexus.runner.process.OutputCapture;
import us.anth.plexus.runner.process.OutputPump;
import us.anth.plexus.runner.process.ProcessTree;

/**
 * Runs one argv without a shell: streams its output, follows its progress file, enforces the
 * deadline, and ends its whole process tree on timeout or {@link #terminate()} (SIGTERM).
 */
public final class CommandExecution {
  /** Environment variable naming the JSON-lines progress file the command may append to. */
  public static final String PROGRESS_FILE_ENV = "PLEXUS_PROGRESS_FILE";

  /** End reason set by {@link #terminate()}; the result then carries no errorMessage. */
  private static final String TERMINATED = "terminated";

  private final TaskRun run;
  private final Duration timeout;
  private final Duration killGrace;
  private final Consumer<String> log;
  private Process process;
  private boolean ended;
  private String endReason;

  public CommandExecution(TaskRun run, Duration timeout, Duration killGrace, Consumer<String> log) {
    this.run = run;
    this.timeout = timeout;
    this.killGrace = killGrace;
    this.log = log;
  }

  /** Runs the command to its end and returns its result (also recorded on the run). */
  public RunResult execute(List<String> argv) throws IOException, InterruptedException {
    return execute(argv, Map.of(), () -> {});
  }

  /**
   * Runs the command with {@code env} added to the runner's environment; {@code afterExit} runs
   * once the command has exited, before its result is recorded (last reads of its progress).
   */
  public RunResult execute(List<String> argv, Map<String, String> env, Runnable afterExit)
      throws IOException, InterruptedException {
    Path progressFile = Files.createTempFile("plexus-progress-", ".jsonl");
    try {
      RunResult result = runProcess(argv, env, progressFile);
      afterExit.run();
      run.finish(result);
      return result;
    } finally {
      Files.deleteIfExists(progressFile);
    }
  }

  /** Called on SIGTERM: ends the child tree (SIGTERM, then SIGKILL after the grace period). */
  public void terminate() {
    Process child;
    synchronized (this) {
      if (ended || endReason != null) {
        return;
      }
      endReason = TERMINATED;
      child = process;
    }
    if (child != null) {
      log.accept("terminating the command (grace " + killGrace.toSeconds() + "s)");
      kill(child);
    }
  }

  private RunResult runProcess(List<String> argv, Map<String, String> env, Path progressFile)
      throws InterruptedException {
    if (argv.isEmpty()) {
      return new RunResult(RunResult.CANNOT_START, "the command is empty", null);
    }
    ProcessBuilder builder = new ProcessBuilder(argv);
    builder.environment().putAll(env);
    builder.environment().put(PROGRESS_FILE_ENV, progressFile.toString());
    Process child;
    synchronized (this) {
      if (endReason != null) {
        return finished(RunResult.terminated(null)); // only terminate() sets it this early
      }
      try {
        child = builder.start();
      } catch (IOException e) {
        return finished(StartFailure.describe(argv.get(0), e));
      }
      process = child;
    }
    closeQuietly(child.getOutputStream());
    return finished(await(child, progressFile));
  }

  private RunResult await(Process child, Path progressFile) throws InterruptedException {
    Thread out = pump(child.getInputStream(), System.out, run.stdout(), "stdout");
    Thread err = pump(child.getErrorStream(), System.err, run.stderr(), "stderr");
    ProgressFileFollower follower = new ProgressFileFollower(progressFile, run::apply, log);
    boolean exited = timeout == null || child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!exited) {
      synchronized (this) {
        endReason = endReason != null ? endReason : "timed out after " + timeout.toSeconds() + "s";
      }
      log.accept(endReason + "; terminating the command (grace " + killGrace.toSeconds() + "s)");
      kill(child);
    }
    int code = child.waitFor();
    out.join(5000);
    err.join(5000);
    follower.stop();
    return outcome(code);
  }

  private RunResult outcome(int code) {
    String reason;
    synchronized (this) {
      reason = endReason;
    }
    String tail = run.stderr().tail();
    String details = tail.isEmpty() ? null : tail;
    if (TERMINATED.equals(reason)) {
      return RunResult.terminated(details);
    }
    if (reason != null) {
      return new RunResult(RunResult.TIMED_OUT, reason, details);
    }
    if (code == 0) {
      return RunResult.success();
    }
    String reported = run.tracker().view().reportedError();
    String message = reported != null ? reported : "command exited with code " + code;
    return new RunResult(code, message, details);
  }

  private static void closeQuietly(OutputStream stdin) {
    try {
      stdin.close();
    } catch (IOException e) {
      // The command has no use for stdin; nothing to do.
    }
  }

  private synchronized RunResult finished(RunResult result) {
    ended = true;
    return result;
  }

  private void kill(Process child) {
    if (ProcessTree.terminate(child.toHandle(), killGrace)) {
      log.accept("the command ignored SIGTERM for " + killGrace.toSeconds() + "s; killed it");
    }
  }

  private Thread pump(InputStream in, OutputStream target, OutputCapture capture, String name) {
    OutputStream echo = new BufferedOutputStream(target, 64 * 1024);
    Thread thread = new Thread(new OutputPump(in, echo, capture, run::acceptMarker), name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
