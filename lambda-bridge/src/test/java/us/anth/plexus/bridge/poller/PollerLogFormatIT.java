package us.anth.plexus.bridge.poller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PLEXUS_LOG_FORMAT on the real poller process: StreamPollerMain as a child JVM against DynamoDB
 * Local and the embedded API server, stdout and stderr redirected to files.
 */
class PollerLogFormatIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void jsonFormatWritesOneJsonObjectPerStdoutLine() throws Exception {
    try (PollerWorld world = new PollerWorld()) {
      Map<String, String> env = world.env();
      env.put("KUBECONFIG", world.kube.writeKubeconfig(dir.resolve("kubeconfig"), "ns").toString());
      env.put("PLEXUS_LOG_FORMAT", "json");
      Process poller = startPoller(env);
      try {
        world.awaitDispatched(world.putPendingTask());
      } finally {
        poller.toHandle().destroy();
        awaitExit(poller);
      }
      assertThat(Files.readString(dir.resolve("stderr"))).isEmpty();
      List<JsonNode> events =
          Files.readAllLines(dir.resolve("stdout")).stream().map(this::message).toList();
      assertThat(events)
          .anySatisfy(
              e -> {
                assertThat(e.get("loggerName").asText())
                    .isEqualTo(StreamPollerMain.class.getName());
                assertThat(e.get("formattedMessage").asText())
                    .startsWith("Polling arn:aws:dynamodb");
              });
      assertThat(events)
          .last()
          .satisfies(
              e -> assertThat(e.get("formattedMessage").asText()).isEqualTo("Poller stopped"));
    }
  }

  @Test
  void unknownFormatFailsAtStartWithOneTextLine() throws Exception {
    Process poller = startPoller(Map.of("PLEXUS_LOG_FORMAT", "yaml"));

    assertThat(awaitExit(poller)).isEqualTo(2);
    assertThat(Files.readAllLines(dir.resolve("stdout")))
        .singleElement()
        .asString()
        .as("an ISO-8601 timestamp in UTC, then the level")
        .matches("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z ERROR .*")
        .endsWith(
            "Cannot start the bridge poller: PLEXUS_LOG_FORMAT must be text or json, got 'yaml'");
    assertThat(Files.readString(dir.resolve("stderr"))).isEmpty();
  }

  @Test
  void shadedLambdaJarLogsThroughLogbackAlone() throws Exception {
    Path jar;
    try (var files = Files.list(Path.of("target"))) {
      jar = files.filter(f -> f.toString().endsWith("-lambda.jar")).findFirst().orElseThrow();
    }
    Map<String, String> env =
        Map.of("PLEXUS_LOG_FORMAT", "json", "PLEXUS_BRIDGE_MAX_ATTEMPTS", "0");
    Process poller = startPoller(jar.toString(), env);

    assertThat(awaitExit(poller)).isEqualTo(2);
    assertThat(Files.readAllLines(dir.resolve("stdout")))
        .singleElement()
        .satisfies(
            line ->
                assertThat(message(line).get("formattedMessage").asText())
                    .isEqualTo(
                        "Cannot start the bridge poller: PLEXUS_BRIDGE_MAX_ATTEMPTS must be at"
                            + " least 1, not 0"));
    assertThat(Files.readString(dir.resolve("stderr"))).as("no second SLF4J provider").isEmpty();
  }

  /** The child's exit code within 30 s; the child is killed however the wait ends. */
  private static int awaitExit(Process poller) throws InterruptedException {
    try {
      assertThat(poller.waitFor(30, TimeUnit.SECONDS)).as("the poller exits").isTrue();
      return poller.exitValue();
    } finally {
      poller.destroyForcibly();
    }
  }

  private Process startPoller(Map<String, String> env) throws IOException {
    return startPoller(pollerClasspath(), env);
  }

  /**
   * The test classpath without the operator, which is there only for {@code bin/bench dispatch}:
   * its logback.xml beside the bridge's makes logback print its status lines on stdout, which the
   * poller's image never does (the image holds the bridge alone).
   */
  private static String pollerClasspath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> !e.contains("plexus-operator") && !e.contains("/operator/target/"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private Process startPoller(String classpath, Map<String, String> env) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(java, "-cp", classpath, StreamPollerMain.class.getName());
    builder.environment().keySet().removeIf(k -> k.startsWith("PLEXUS_"));
    builder.environment().putAll(env);
    return builder
        .redirectOutput(dir.resolve("stdout").toFile())
        .redirectError(dir.resolve("stderr").toFile())
        .start();
  }

  /** A JSON log event: an object with level, loggerName and formattedMessage. */
  private JsonNode message(String line) {
    try {
      JsonNode event = JSON.readTree(line);
      assertThat(event.path("level").isTextual() && event.path("loggerName").isTextual())
          .as(line)
          .isTrue();
      assertThat(event.path("formattedMessage").isTextual()).as(line).isTrue();
      return event;
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}
