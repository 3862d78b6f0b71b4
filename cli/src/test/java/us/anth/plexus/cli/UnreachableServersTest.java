package us.anth.plexus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An API server nobody listens on: one line naming it, in seconds (fabric8 retried for ~26 s). */
class UnreachableServersTest {
  /** A port in this module's range that nothing listens on. */
  private static final String NOBODY = "https://127.0.0.1:23999";

  @Test
  void unreachableApiServerFailsFastNamingTheAddress(@TempDir Path dir) throws Exception {
    Path kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: Config",
            "clusters: [{name: c, cluster: {server: '" + NOBODY + "'}}]",
            "users: [{name: u, user: {token: t}}]",
            "contexts: [{name: x, context: {cluster: c, user: u, namespace: ns}}]",
            "current-context: x",
            ""));
    for (String command : new String[] {"list", "status"}) {
      Instant start = Instant.now();
      CliRunner.Run run =
          command.equals("list")
              ? CliRunner.run("--kubeconfig", kubeconfig.toString(), "list")
              : CliRunner.run("status", "some-task", "--kubeconfig", kubeconfig.toString());
      Duration took = Duration.between(start, Instant.now());

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err().lines().toList())
          .containsExactly(
              "error: cannot reach the Kubernetes API at "
                  + NOBODY
                  + "/ (connection refused); check that it is running and --remote, --context or"
                  + " KUBECONFIG");
      assertThat(took).as(command).isLessThan(Duration.ofSeconds(8));
    }
  }

  @Test
  void missingKubeconfigAndConfigFilesAreNamed(@TempDir Path dir) {
    CliRunner.Run kube = CliRunner.run("list", "--kubeconfig", dir.resolve("nope").toString());
    CliRunner.Run config = CliRunner.run("list", "--config", dir.resolve("c.yaml").toString());

    assertThat(kube.exitCode()).isEqualTo(2);
    assertThat(kube.err()).contains("kubeconfig file " + dir.resolve("nope") + " does not exist");
    assertThat(config.exitCode()).isEqualTo(2);
    assertThat(config.err()).contains("remotes file " + dir.resolve("c.yaml") + " does not exist");
  }
}
