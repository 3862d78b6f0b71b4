package us.anth.plexus.devkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigWriterTest {
  @Test
  void rendersOneClusterContextAndWritesIt(@TempDir Path dir) throws Exception {
    KubeconfigWriter writer = KubeconfigWriter.forServer("http://127.0.0.1:8443", "dev", "plexus");
    Path file = writer.writeTo(dir.resolve("nested/kubeconfig"));

    assertThat(Files.readString(file))
        .isEqualTo(writer.render())
        .contains("server: http://127.0.0.1:8443")
        .contains("current-context: dev")
        .contains("namespace: plexus");
  }
}
