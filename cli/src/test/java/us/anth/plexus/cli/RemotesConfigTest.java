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
        .hasMessage("unknown remote 'qa'; known remotes: prod, staging");
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
}
