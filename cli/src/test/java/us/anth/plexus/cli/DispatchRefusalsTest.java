package us.anth.plexus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** plexusctl dispatch refuses, before calling any API, what the dashboard could not show. */
class DispatchRefusalsTest {
  @TempDir Path dir;

  @Test
  void refusesToDispatchWithoutAnAccount() throws IOException {
    Result result = dispatch("echo hi");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr())
        .isEqualTo(
            "error: no account id: pass --account or set env.PLEXUS_ACCOUNT_ID for remote r (the"
                + " dashboard lists tasks by account)\n");
  }

  @Test
  void refusesATargetWithAControlCharacterInOneLine() throws IOException {
    Result result = dispatch("echo hi", "--account", "a1", "--target", "evaluation\taccuracy");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr())
        .isEqualTo(
            "error: target 'evaluation\\u0009accuracy' has the control character U+0009 at"
                + " position 10; a target is printable text\n");
  }

  @Test
  void refusesAnOverlongTargetInOneLine() throws IOException {
    Result result = dispatch("echo hi", "--account", "a1", "--target", "e".repeat(1025));
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr())
        .isEqualTo(
            "error: target '"
                + "e".repeat(60)
                + "...' is 1025 characters long; the maximum is 1024\n");
  }

  private Result dispatch(String command, String... options) throws IOException {
    Path kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]
        contexts: [{name: x, context: {cluster: c, user: u}}]
        users: [{name: u, user: {token: t}}]
        current-context: x
        """);
    Path config = dir.resolve("config.yaml");
    Files.writeString(
        config, "remotes:\n  r:\n    kubeconfig: " + kubeconfig + "\n    namespace: n\n");
    StringWriter err = new StringWriter();
    CommandLine cli = PlexusCtl.commandLine(false);
    cli.setErr(new PrintWriter(err));
    String[] args = new String[options.length + 6];
    args[0] = "dispatch";
    args[1] = command;
    args[2] = "--config";
    args[3] = config.toString();
    args[4] = "--remote";
    args[5] = "r";
    System.arraycopy(options, 0, args, 6, options.length);
    int exitCode = cli.execute(args);
    return new Result(exitCode, err.toString());
  }

  private record Result(int exitCode, String stderr) {}
}
