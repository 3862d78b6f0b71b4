package us.anth.plexus.cli;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code plexusctl}: dispatch and follow Plexus tasks, and run the whole system locally. */
@Command(
    name = PlexusCtl.NAME,
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
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
      RejectCommand.class,
      DeleteCommand.class,
      CompletionCommand.class,
      CommandLine.HelpCommand.class
    })
public final class PlexusCtl implements Runnable {
  /** Held so the level set in {@link #main} is not garbage-collected with the logger. */
  private static final java.util.logging.Logger MOCK_SERVER_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  /**
   * The command's name; run as the kubectl plugin, {@code bin/plexusctl} names it {@code kubectl
   * plexus} instead (system property {@code plexusctl.command}), as the user typed it.
   */
  static final String NAME = "plexusctl";

  @Mixin GlobalOptions global;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  public static void main(String[] args) {
    boolean verbose =
        java.util.Arrays.asList(args).contains("--verbose")
            || java.util.Arrays.asList(args).contains("-v");
    if (verbose) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
    }
    if (!verbose) {
      MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
    }
    String name = System.getProperty("plexusctl.command", NAME);
    System.exit(commandLine(verbose, name).execute(args));
  }

  /** The configured command line; errors become one line on stderr (stack trace if verbose). */
  public static CommandLine commandLine(boolean verbose) {
    return commandLine(verbose, NAME);
  }

  /**
   * The configured command line, called {@code name} in usage and errors ({@code kubectl plexus}
   * when run through kubectl); usage and execution errors become one line on stderr (a stack trace
   * too if verbose).
   */
  static CommandLine commandLine(boolean verbose, String name) {
    PlexusCtl root = new PlexusCtl();
    CommandLine cli = new CommandLine(root).setAllowSubcommandsAsOptionParameters(true);
    cli.setCommandName(name);
    cli.setParameterExceptionHandler(new UsageErrors());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          err.println("error: " + oneLine(e, root.global.apiServer, root.global.dynamoEndpoint));
          if (verbose) {
            e.printStackTrace(err);
          }
          err.flush();
          return e instanceof CliException ce ? ce.exitCode() : 1;
        });
    return cli;
  }

  static String oneLine(Throwable e) {
    return oneLine(e, null, null);
  }

  /**
   * One readable line for {@code e}; a failure to reach the API server or DynamoDB names the
   * address ({@code apiServer}, {@code dynamo}) and what to check.
   */
  static String oneLine(Throwable e, String apiServer, String dynamo) {
    if (e instanceof KubernetesClientException k
        && k.getStatus() != null
        && k.getStatus().getMessage() != null) {
      return k.getStatus().getMessage();
    }
    Throwable root = e;
    Throwable network = null;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
      network = network == null && isNetwork(root) ? root : network;
    }
    boolean io = network != null || root instanceof java.io.IOException;
    if (e instanceof KubernetesClientException && io) {
      return "cannot reach the Kubernetes API"
          + (apiServer == null ? "" : " at " + apiServer)
          + " ("
          + cause(network == null ? root : network)
          + "); check that it is running and --remote, --context or KUBECONFIG";
    }
    if (e instanceof software.amazon.awssdk.core.exception.SdkClientException) {
      return "cannot reach DynamoDB"
          + (dynamo == null ? "" : " at " + dynamo)
          + " ("
          + cause(network == null ? root : network)
          + "); check that it is running and PLEXUS_DYNAMODB_ENDPOINT/REGION (or the remote's env)";
    }
    return e.getMessage() == null ? firstLine(root) : firstLine(e);
  }

  private static boolean isNetwork(Throwable t) {
    return t instanceof java.net.ConnectException
        || t instanceof java.net.SocketTimeoutException
        || t instanceof java.net.http.HttpConnectTimeoutException
        || t instanceof java.net.UnknownHostException;
  }

  private static String cause(Throwable root) {
    if (root instanceof java.net.ConnectException) {
      return "connection refused";
    }
    if (root instanceof java.net.SocketTimeoutException
        || root instanceof java.net.http.HttpConnectTimeoutException) {
      return "timed out";
    }
    if (root instanceof java.net.UnknownHostException) {
      return "unknown host " + root.getMessage();
    }
    return root.getClass().getSimpleName()
        + (root.getMessage() == null ? "" : ": " + firstLine(root));
  }

  private static String firstLine(Throwable t) {
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
