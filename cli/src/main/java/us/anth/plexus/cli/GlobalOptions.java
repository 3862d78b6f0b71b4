package us.anth.plexus.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command accepts (mixed into each subcommand). */
public final class GlobalOptions {
  @Option(
      names = "--remote",
      description = "Named cluster from the remotes file (default: the current kube context).")
  String remote;

  @Option(
      names = "--config",
      description = "Remotes file (default: $PLEXUS_CONFIG or ~/.config/plexus/config.yaml).")
  Path config;

  @Option(
      names = {"-n", "--namespace"},
      description = "Namespace (default: the remote's, then the kube context's, then 'default').")
  String namespace;

  @Option(
      names = {"-o", "--output"},
      description = "Output format: table, json or yaml (default: ${DEFAULT-VALUE}).",
      defaultValue = "table")
  OutputFormat output;

  @Option(
      names = {"-v", "--verbose"},
      description = "Show stack traces and debug logs.")
  boolean verbose;

  Path configPath() {
    return config != null
        ? config
        : RemotesConfig.defaultPath(System.getenv(), System.getProperty("user.home"));
  }

  public OutputFormat output() {
    return output;
  }
}
