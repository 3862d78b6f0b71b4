package us.anth.plexus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import us.anth.plexus.api.PlexusTask;

/** {@code plexusctl dispatch --dry-run} prints the Job the operator planned and creates none. */
class DispatchDryRunIT {
  @RegisterExtension static final DevStackFixture dev = DevStackFixture.perClass();

  @Test
  void printsTheJobARealRunWouldCreate() throws Exception {
    DevStackFixture.Run run =
        dev.run("dispatch", "echo \"planned only\"", "--type", "planned", "--dry-run");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    JsonNode job = new ObjectMapper(new YAMLFactory()).readTree(run.out());
    assertThat(job.get("kind").asText()).isEqualTo("Job");
    assertThat(job.at("/spec/template/spec/containers/0/env").toString())
        .contains("\"PLEXUS_COMMAND\"")
        .contains("echo \\\"planned only\\\"");
    assertThat(run.err()).contains("(dry run): Job " + job.at("/metadata/name").asText());
    assertThat(run.err()).contains("no approval required");
    PlexusTask task =
        Tasks.list(dev.stack.client(), DevRemote.NAMESPACE).stream()
            .filter(t -> "planned".equals(t.getSpec().getType()))
            .findFirst()
            .orElseThrow();
    assertThat(task.getSpec().getDryRun()).isTrue();
    assertThat(
            dev.stack
                .client()
                .batch()
                .v1()
                .jobs()
                .inNamespace(DevRemote.NAMESPACE)
                .withName(job.at("/metadata/name").asText())
                .get())
        .isNull();
  }
}
