package us.anth.plexus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemotesConfigTest {
  private static final String YAML =
      String.join(
          "\n",
          "remotes:",
          "  prod:",
          "    context: eks-prod",
          "    namespace: plexus",
          "    target: training/gpu",
          "    pool: gpu",
          "    env: {PLEXUS_DYNAMODB_ENABLED: \"true\", PLEXUS_DYNAMODB_TASK_TABLE: Task-x-NONE}",
          "  staging: {context: eks-staging}",
          "");

  @Test
  void readsEveryRemoteField() {
    Remote prod = RemotesConfig.parse(YAML).select("prod");
    assertThat(prod.context()).isEqualTo("eks-prod");
    assertThat(prod.namespace()).isEqualTo("plexus");
    assertThat(prod.target()).isEqualTo("training/gpu");
    assertThat(prod.pool()).isEqualTo("gpu");
    assertThat(prod.env()).containsEntry("PLEXUS_DYNAMODB_ENABLED", "true");
    assertThat(RemotesConfig.parse(YAML).select("staging").namespace()).isNull();
  }

  @Test
  void noRemoteMeansTheCurrentContext() {
    assertThat(RemotesConfig.parse(YAML).select(null).context()).isNull();
  }

  @Test
  void unknownRemoteListsTheKnownOnesInOneLine() {
    assertThatThrownBy(() -> RemotesConfig.parse(YAML).select("qa"))
        .isInstanceOf(CliException.class)
        .hasMessage("unknown remote 'qa'; known remotes: prod, staging")
        .extracting(e -> ((CliException) e).exitCode())
        .isEqualTo(2);
    assertThatThrownBy(() -> RemotesConfig.parse("").select("qa"))
        .hasMessageContaining("(none configured)");
  }

  @Test
  void configPathComesFromPlexusConfigOrTheHomeDirectory() {
    assertThat(RemotesConfig.defaultPath(Map.of("PLEXUS_CONFIG", "/etc/p.yaml"), "/home/u"))
        .isEqualTo(Path.of("/etc/p.yaml"));
    assertThat(RemotesConfig.defaultPath(Map.of(), "/home/u"))
        .isEqualTo(Path.of("/home/u/.config/plexus/config.yaml"));
  }

  @Test
  void devRemoteFileRoundTrips() {
    String yaml =
        DevRemote.render(
            Path.of("/tmp/dev/kubeconfig"), "default", Map.of("PLEXUS_DYNAMODB_ENABLED", "true"));
    Remote dev = RemotesConfig.parse(yaml).select(DevRemote.NAME);
    assertThat(dev.kubeconfig()).isEqualTo("/tmp/dev/kubeconfig");
    assertThat(dev.context()).isEqualTo("plexus-dev");
    assertThat(dev.env()).containsEntry("PLEXUS_DYNAMODB_ENABLED", "true");
  }

  @Test
  void unknownFieldIsAnErrorNamingFileLineAndTheKnownFields() {
    String yaml = "remotes:\n  prod:\n    context: eks\n    namespce: plexus\n";

    assertThatThrownBy(() -> RemotesConfig.parse(yaml, "/etc/plexus.yaml"))
        .isInstanceOf(CliException.class)
        .hasMessage(
            "/etc/plexus.yaml:4: remotes.prod.namespce: unknown field"
                + " (known: context, env, kubeconfig, namespace, pool, target)")
        .extracting(e -> ((CliException) e).exitCode())
        .isEqualTo(2);
  }

  @Test
  void aListWhereAStringBelongsIsAnError() {
    String yaml = "remotes:\n  prod:\n    namespace: [a, b]\n";

    assertThatThrownBy(() -> RemotesConfig.parse(yaml, "c.yaml"))
        .hasMessage("c.yaml:3: remotes.prod.namespace: expected a string, found a list");
  }

  @Test
  void unknownTopLevelKeyAndBrokenYamlAreErrors() {
    assertThatThrownBy(() -> RemotesConfig.parse("remote:\n  prod: {}\n", "c.yaml"))
        .hasMessage("c.yaml:1: remote: unknown field (known: remotes)");
    assertThatThrownBy(() -> RemotesConfig.parse("remotes:\n  prod: [a\n", "c.yaml"))
        .hasMessage("c.yaml:2: remotes.prod: expected a mapping, found a list");
    assertThatThrownBy(() -> RemotesConfig.parse("remotes:\n  prod: {context: eks\n", "c.yaml"))
        .hasMessageStartingWith("c.yaml:2: not valid YAML: while parsing a flow mapping; expected");
  }

  @Test
  void aMissingFileIsAnErrorOnlyWhenNamed(@org.junit.jupiter.api.io.TempDir Path dir) {
    Path missing = dir.resolve("nope.yaml");

    assertThat(RemotesConfig.load(missing, false).remotes()).isEmpty();
    assertThatThrownBy(() -> RemotesConfig.load(missing, true))
        .hasMessage("remotes file " + missing + " does not exist");
  }
}
