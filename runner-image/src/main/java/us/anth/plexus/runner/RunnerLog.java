package us.anth.plexus.runner;

import java.util.function.Consumer;

/** The runner's own log lines, on stderr (the pod log) with a prefix that tells them apart. */
public final class RunnerLog {
  /** Writes {@code [plexus-runner] <message>} to stderr. */
  public static final Consumer<String> STDERR =
      message -> System.err.println("[plexus-runner] " + message);

  private RunnerLog() {}
}
