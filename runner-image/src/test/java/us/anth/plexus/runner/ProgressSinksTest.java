package us.anth.plexus.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import us.anth.plexus.runner.publish.ProgressSink;

/** PLEXUS_TASK_SINK picks the runner's sinks (no connection is made to build them). */
class ProgressSinksTest {
  private static final String URL = "https://abc.appsync-api.us-east-1.amazonaws.com/graphql";

  @Test
  void eachSinkValueGivesItsSinks() {
    try (KubernetesClient client = new KubernetesClientBuilder().build()) {
      assertThat(names(client, Map.of())).containsExactly("kubernetes");
      assertThat(names(client, Map.of("PLEXUS_DYNAMODB_ENABLED", "true")))
          .containsExactly("kubernetes", "dynamodb");
      assertThat(
              names(
                  client,
                  Map.of(
                      "PLEXUS_TASK_SINK", "appsync",
                      "PLEXUS_DYNAMODB_ENABLED", "true",
                      "PLEXUS_APPSYNC_URL", URL,
                      "PLEXUS_APPSYNC_API_KEY", "k")))
          .containsExactly("kubernetes", "appsync");
      assertThat(
              names(
                  client,
                  Map.of(
                      "PLEXUS_TASK_SINK", "both",
                      "PLEXUS_APPSYNC_URL", URL,
                      "PLEXUS_APPSYNC_AUTH", "iam")))
          .containsExactly("kubernetes", "dynamodb", "appsync");
      assertThatThrownBy(() -> names(client, Map.of("PLEXUS_TASK_SINK", "appsync")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("PLEXUS_APPSYNC_URL is required");
    }
  }

  private static List<String> names(KubernetesClient client, Map<String, String> env) {
    return ProgressSinks.create(client, env).stream().map(ProgressSink::name).toList();
  }
}
