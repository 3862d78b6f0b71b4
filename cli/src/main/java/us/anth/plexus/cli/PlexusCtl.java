package us.anth.plexus.cli;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code plexusctl}: dispatch and follow Plexus tasks, and run the whole system locally. */
@Command(
    name = "plexusctl",
    mixinStandardHelpOptions = true,
    version = "plexusctl 0.1.0",
    description =
        "Dispatch and follow Plexus tasks on Kubernetes; `plexusctl dev` runs it all locally.",
    subcommands = {
      DevCommand.class,
      DispatchCommand.class,
      StatusCommand.class,
      ListCommand.class,
      LogsCommand.class,
      CancelCommand.class,
      ApproveCommand.class,
      DeleteCommand.class
    })
public final class PlexusCtl implements Runnable {
  /** Held so the level set in {@link #main} is not garbage-collected with the logger. */
  private static final java.util.logging.Logger MOCK_SERVER_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        new CommandLine(this), "a command is required (see plexusctl --help)");
  }

  public static void main(String[] args) {
    boolean verbose =
        java.util.Arrays.asList(args).contains("--verbose")
            || java.util.Arrays.asList(args).contains("-v");
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    System.setProperty(
        "org.slf4j.simpleLogger.log.io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils",
        "error");
    if (!verbose) {
      MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
    }
    System.exit(commandLine(verbose).execute(args));
  }

  /** The configured command line; errors become one line on stderr (stack trace if verbose). */
  public static CommandLine commandLine(boolean verbose) {
    CommandLine cli = new CommandLine(new PlexusCtl());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          err.println("error: " + oneLine(e));
          if (verbose) {
            e.printStackTrace(err);
          }
          err.flush();
          return e instanceof CliException ce ? ce.exitCode() : 1;
        });
    return cli;
  }

  static String oneLine(Throwable e) {
    if (e instanceof KubernetesClientException k
        && k.getStatus() != null
        && k.getStatus().getMessage() != null) {
      return k.getStatus().getMessage();
    }
    Throwable root = e;
    boolean io = false;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
      io |= root instanceof java.io.IOException;
    }
    if (e instanceof KubernetesClientException && io) {
      return "cannot reach the Kubernetes API ("
          + root.getClass().getSimpleName()
          + (root.getMessage() == null ? "" : ": " + firstLine(root))
          + "); check --remote or KUBECONFIG";
    }
    return e.getMessage() == null ? firstLine(root) : firstLine(e);
  }

  private static String firstLine(Throwable t) {
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
