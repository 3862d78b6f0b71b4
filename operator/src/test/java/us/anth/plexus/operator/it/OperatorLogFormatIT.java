package us.anth.plexus.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static us.anth.plexus.operator.testing.OperatorHarness.eventually;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.devkit.EmbeddedKubeApi;
import us.anth.plexus.operator.OperatorMain;
import us.anth.plexus.operator.testing.ChildJvm;
import us.anth.plexus.operator.testing.TestPools;
import us.anth.plexus.operator.testing.TestTasks;

/**
 * PLEXUS_LOG_FORMAT on the real process: OperatorMain as a child JVM against the embedded API
 * server (through a kubeconfig), its stdout read line by line.
 */
class OperatorLogFormatIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An ISO-8601 timestamp in UTC ("...Z"), the level, the thread, the logger, the message. */
  private static final String TEXT_LINE =
      "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z (INFO|WARN|ERROR) +\\[.+] .+ - .*";

  /**
   * A line of a logged stack trace, which text format prints below its event (e.g. a status patch
   * interrupted by the shutdown is logged at WARN with its exception).
   */
  private static final String STACK_TRACE_LINE =
      "^(\\s+at .+|\\s+\\.\\.\\. \\d+ (more|common frames omitted)|\\s*(Caused by|Suppressed): .+|[\\w.$]+(Exception|Error|Throwable)(: .*)?)$";

  private static final String RUNNING = "The Plexus operator is running; SIGTERM stops it";
  private static final Duration EXIT = Duration.ofSeconds(30);

  private final EmbeddedKubeApi api = EmbeddedKubeApi.start();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void jsonFormatWritesOneJsonObjectPerStdoutLine() throws Exception {
    List<String> lines = runUntilAJobIsCreatedThenTerminate("json");

    assertThat(lines).hasSizeGreaterThan(2);
    List<JsonNode> events = lines.stream().map(OperatorLogFormatIT::event).toList();
    assertThat(events)
        .anySatisfy(
            e -> {
              assertThat(e.get("level").asText()).isEqualTo("INFO");
              assertThat(e.get("loggerName").asText()).isEqualTo(OperatorMain.class.getName());
              assertThat(e.get("formattedMessage").asText())
                  .startsWith("Starting the Plexus operator on " + api.url());
            });
    assertThat(events)
        .anySatisfy(
            e ->
                assertThat(e.get("formattedMessage").asText())
                    .isEqualTo("Stopping the Plexus operator"));
  }

  @Test
  void textFormatWritesOneHumanLinePerEvent() throws Exception {
    List<String> lines = runUntilAJobIsCreatedThenTerminate("text");

    assertThat(lines).hasSizeGreaterThan(2);
    assertThat(lines.get(0)).matches(TEXT_LINE);
    assertThat(lines).allMatch(line -> line.matches(TEXT_LINE) || line.matches(STACK_TRACE_LINE));
    assertThat(lines)
        .anySatisfy(
            line ->
                assertThat(line)
                    .matches(TEXT_LINE)
                    .contains(" INFO ", "OperatorMain - Starting the Plexus operator on "));
    assertThat(lines)
        .anyMatch(line -> line.endsWith("OperatorMain - Stopping the Plexus operator"));
  }

  @Test
  void unknownFormatFailsAtStartWithOneLine() throws Exception {
    try (ChildJvm operator = ChildJvm.start(OperatorMain.class, kubeEnv("yaml"))) {
      assertThat(operator.awaitExit(EXIT)).isEqualTo(2);
      assertThat(operator.stdout())
          .singleElement(STRING)
          .matches(TEXT_LINE)
          .endsWith(
              "Cannot start the Plexus operator: PLEXUS_LOG_FORMAT must be text or json, got"
                  + " 'yaml'");
      assertThat(operator.stderr()).isEmpty();
    }
  }

  @Test
  void otherConfigurationErrorsFollowTheChosenFormat() throws Exception {
    Map<String, String> env = new HashMap<>(kubeEnv("json"));
    env.put("PLEXUS_HEALTH_PORT", "eighty");
    try (ChildJvm operator = ChildJvm.start(OperatorMain.class, env)) {
      assertThat(operator.awaitExit(EXIT)).isEqualTo(2);
      assertThat(operator.stdout()).hasSize(1);
      JsonNode event = event(operator.stdout().get(0));
      assertThat(event.get("level").asText()).isEqualTo("ERROR");
      assertThat(event.get("formattedMessage").asText())
          .isEqualTo(
              "Cannot start the Plexus operator: PLEXUS_HEALTH_PORT must be a whole number, got"
                  + " 'eighty'");
    }
  }

  private List<String> runUntilAJobIsCreatedThenTerminate(String format) throws Exception {
    api.client()
        .resources(PlexusWorkerPool.class)
        .resource(TestPools.pool("main-pool", "main/*"))
        .create();
    api.client()
        .resources(PlexusTask.class)
        .resource(TestTasks.builder().namespace("logs").name("t").target("main/x").buildNew())
        .create();
    try (ChildJvm operator = ChildJvm.start(OperatorMain.class, kubeEnv(format))) {
      var jobs = api.client().batch().v1().jobs().inNamespace("logs");
      eventually().atMost(Duration.ofSeconds(60)).until(() -> !jobs.list().getItems().isEmpty());
      eventually().until(() -> operator.stdout().stream().anyMatch(l -> l.contains(RUNNING)));
      operator.terminate();
      assertThat(operator.awaitExit(EXIT)).isEqualTo(143);
      assertThat(operator.stderr()).isEmpty();
      return operator.stdout();
    }
  }

  private Map<String, String> kubeEnv(String format) throws IOException {
    Path kubeconfig = api.writeKubeconfig(dir.resolve("kubeconfig"), "default");
    return Map.of(
        "KUBECONFIG",
        kubeconfig.toString(),
        "PLEXUS_LOG_FORMAT",
        format,
        "PLEXUS_HEALTH_PORT",
        "0",
        "PLEXUS_METRICS_PORT",
        "0");
  }

  /** The line as a JSON object with the fields every event has. */
  private static JsonNode event(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
    assertThat(node.isObject() && node.has("level") && node.has("loggerName"))
        .as("an event: %s", line)
        .isTrue();
    assertThat(node.path("formattedMessage").isTextual()).as("a message: %s", line).isTrue();
    return node;
  }
}
