package us.anth.plexus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The command tree as picocli parses it: help everywhere, global options anywhere. */
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
