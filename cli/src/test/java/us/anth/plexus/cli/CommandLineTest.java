package us.anth.plexus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The command tree as picocli parses it: help everywhere, global options anywhere, bad usage in one
 * line.
 */
class CommandLineTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "dispatch --help",
        "dispatch -h",
        "list --help",
        "dev --help",
        "delete -h",
        "help dispatch",
        "help"
      })
  void everyCommandAnswersHelpWithUsageAndExitZero(String args) {
    CliRunner.Run run = CliRunner.run(args.split(" "));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("Usage: plexusctl");
    assertThat(run.err()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "list --bogus | error: Unknown option: '--bogus' (see 'plexusctl list --help')",
        "--bogus list | error: Unknown option: '--bogus' (see 'plexusctl --help')",
        "dispatch | error: Missing required parameter: 'COMMAND' (see 'plexusctl dispatch --help')",
        "'' | error: a command is required (see 'plexusctl --help')",
        "statu | error: Unmatched argument at index 0: 'statu'; did you mean 'status'?"
            + " (see 'plexusctl --help')",
        "help bogus | error: Unknown subcommand 'bogus' (see 'plexusctl --help')",
        "list -o xml | error: Invalid value for option '--output': expected one of"
            + " [table, wide, name, json, yaml] (case-sensitive) but was 'xml'"
            + " (see 'plexusctl list --help')"
      })
  void badUsageIsOneLineNamingTheCommandsHelpAndExitTwo(String args, String line) {
    CliRunner.Run run = CliRunner.run(args.isEmpty() ? new String[0] : args.split(" "));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(line + System.lineSeparator());
    assertThat(run.out()).isEmpty();
  }

  @Test
  void throughKubectlTheHintNamesThePluginCommand() {
    StringWriter err = new StringWriter();
    CommandLine cli = PlexusCtl.commandLine(false, "kubectl plexus");
    cli.setErr(new PrintWriter(err));

    assertThat(cli.execute("list", "--no-such-flag")).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("error: Unknown option: '--no-such-flag' (see 'kubectl plexus list --help')");
  }

  @Test
  void globalOptionsParseBeforeAndAfterTheSubcommand() {
    for (List<String> args :
        List.of(
            List.of(
                "--config",
                "c.yaml",
                "--remote",
                "dev",
                "-n",
                "ns",
                "-A",
                "-o",
                "wide",
                "--context",
                "ctx",
                "--kubeconfig",
                "k",
                "list"),
            List.of(
                "list",
                "--config",
                "c.yaml",
                "--remote",
                "dev",
                "-n",
                "ns",
                "-A",
                "-o",
                "wide",
                "--context",
                "ctx",
                "--kubeconfig",
                "k"),
            List.of(
                "--config",
                "c.yaml",
                "-n",
                "ns",
                "list",
                "--remote",
                "dev",
                "-A",
                "--context",
                "ctx",
                "-o",
                "wide",
                "--kubeconfig",
                "k"))) {
      CommandLine cli = PlexusCtl.commandLine(false);
      cli.parseArgs(args.toArray(String[]::new));
      PlexusCtl root = cli.getCommand();
      GlobalOptions g = root.global;
      assertThat(
              List.of(
                  g.config.toString(), g.remote, g.namespace, g.context, g.kubeconfig.toString()))
          .as(String.join(" ", args))
          .containsExactly("c.yaml", "dev", "ns", "ctx", "k");
      assertThat(g.allNamespaces).isTrue();
      assertThat(g.output).isEqualTo(OutputFormat.wide);
    }
  }

  @Test
  void unknownStatusIsAnErrorListingTheKnownOnes() {
    CliRunner.Run run = CliRunner.run("list", "--status", "bogus");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(
            "error: unknown --status 'bogus'; known: Pending, AwaitingApproval, Queued, Running,"
                + " Succeeded, Failed, Cancelled, PENDING, RUNNING, COMPLETED, FAILED");
  }

  @Test
  void completionPrintsAScriptForBashAndZsh() {
    CliRunner.Run bash = CliRunner.run("completion", "bash");
    CliRunner.Run zsh = CliRunner.run("completion", "zsh");

    assertThat(bash.exitCode()).isZero();
    assertThat(bash.out())
        .contains("complete -F _complete_plexusctl", "dispatch", "--namespace", "Succeeded");
    assertThat(zsh.exitCode()).isZero();
    assertThat(zsh.out())
        .contains("ZSH_VERSION", "bashcompinit", "complete -F _complete_plexusctl");
    assertThat(CliRunner.run("completion", "fish").exitCode()).isEqualTo(2);
  }
}
