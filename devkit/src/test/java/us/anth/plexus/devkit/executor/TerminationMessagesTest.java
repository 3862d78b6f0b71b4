package us.anth.plexus.devkit.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminationMessagesTest {
  private static final Container FALLBACK =
      new ContainerBuilder()
          .withName("runner")
          .withTerminationMessagePolicy("FallbackToLogsOnError")
          .build();

  @TempDir Path dir;

  @Test
  void theWrittenFileIsTheMessageCutAtTheKubeletsLimit() throws Exception {
    Path file = Files.writeString(dir.resolve("message"), "x".repeat(5000));

    assertThat(TerminationMessages.read(file, FALLBACK, 0, null)).hasSize(4096);
  }

  @Test
  void aFailedContainerThatWroteNothingGetsItsLastLogLinesWithThatPolicy() throws Exception {
    StringBuilder log = new StringBuilder();
    for (int i = 1; i <= 100; i++) {
      log.append("line ").append(i).append('\n');
    }
    Path logFile = Files.writeString(dir.resolve("log"), log);
    Path missing = dir.resolve("none");

    String message = TerminationMessages.read(missing, FALLBACK, 137, logFile);

    assertThat(message.lines()).hasSize(80).endsWith("line 100");
    assertThat(TerminationMessages.read(missing, FALLBACK, 0, logFile)).isNull();
    assertThat(TerminationMessages.read(missing, new Container(), 137, logFile)).isNull();
  }
}
