package us.anth.plexus.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command accepts, before or after the subcommand name as kubectl's do: declared once
 * on {@link PlexusCtl} with {@code scope = INHERIT}, so picocli adds them to every subcommand and
 * stores their values here.
 */
public final class GlobalOptions {
  @Option(
      names = "--remote",
      scope = ScopeType.INHERIT,
      description = "Named cluster from the remotes file (default: the current kube context).")
  String remote;

  @Option(
      names = "--config",
      scope = ScopeType.INHERIT,
      description = "Remotes file (default: $PLEXUS_CONFIG or ~/.config/plexus/config.yaml).")
  Path config;

  @Option(
      names = "--kubeconfig",
      scope = ScopeType.INHERIT,
      description = "Kubeconfig file (default: the remote's, else $KUBECONFIG or ~/.kube/config).")
  Path kubeconfig;

  @Option(
      names = "--context",
      scope = ScopeType.INHERIT,
      description = "Kube context (default: the remote's, else the current context).")
  String context;

  @Option(
      names = {"-n", "--namespace"},
      scope = ScopeType.INHERIT,
      description = "Namespace (default: the remote's, then the kube context's, then 'default').")
  String namespace;

  @Option(
      names = {"-A", "--all-namespaces"},
      scope = ScopeType.INHERIT,
      description = "list and delete: tasks of every namespace.")
  boolean allNamespaces;

  @Option(
      names = {"-o", "--output"},
      scope = ScopeType.INHERIT,
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "table")
  OutputFormat output;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description =
          "Show stack traces, debug logs and the dev stack's banners; `dev -v` also makes its"
              + " runners log the command line they start.")
  boolean verbose;

  /** The API server the command talks to, once resolved (named in connection errors). */
  String apiServer;

  /** The DynamoDB endpoint the command talks to, once resolved (named in connection errors). */
  String dynamoEndpoint;

  /** The remotes file: --config, else $PLEXUS_CONFIG, else ~/.config/plexus/config.yaml. */
  Path configPath() {
    return config != null
        ? config
        : RemotesConfig.defaultPath(System.getenv(), System.getProperty("user.home"));
  }

  /** Whether --config named the file (a missing file is then an error, not "no remotes"). */
  boolean configNamed() {
    return config != null || System.getenv("PLEXUS_CONFIG") != null;
  }

  public OutputFormat output() {
    return output;
  }

  /** Whether output is one of the human tables (table or wide). */
  public boolean human() {
    return output == OutputFormat.table || output == OutputFormat.wide;
  }
}
