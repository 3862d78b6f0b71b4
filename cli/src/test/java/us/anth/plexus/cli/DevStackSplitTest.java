package us.anth.plexus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client CLI's classpath (this module's tests see what its launcher starts with) carries no dev
 * stack: {@code dev} says where it is, and none of the stack's classes can load.
 */
class DevStackSplitTest {
  @Test
  void devWithoutTheDevModuleSaysWhereItIs(@TempDir Path dir) {
    CliRunner.Run run = CliRunner.run("dev", "--dev-dir", dir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "error: plexusctl dev needs the dev stack (module cli-dev) on the classpath;"
                + " run it as bin/plexusctl dev\n");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded",
        "io.fabric8.kubernetes.client.server.mock.KubernetesMockServer",
        "us.anth.plexus.devkit.EmbeddedKubeApi",
        "us.anth.plexus.operator.PlexusOperator",
        "us.anth.plexus.runner.RunnerMain",
        "us.anth.plexus.cli.DevStack"
      })
  void devStackClassesAreNotOnTheClasspath(String className) {
    assertThatThrownBy(() -> Class.forName(className)).isInstanceOf(ClassNotFoundException.class);
  }
}
