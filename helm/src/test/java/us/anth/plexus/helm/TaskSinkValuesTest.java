package us.anth.plexus.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/**
 * taskSink and appsync values: the operator's PLEXUS_TASK_SINK/PLEXUS_APPSYNC_* and the key's
 * Secret.
 */
class TaskSinkValuesTest {
  private static final String URL = "https://abc.appsync-api.eu-west-1.amazonaws.com/graphql";

  @Test
  void appsyncSinkGetsItsSettingsAndTheKeyFromAChartSecret() {
    RenderedChart chart =
        Chart.parse(
            Chart.template()
                .set("taskSink", "appsync")
                .set("appsync.url", URL)
                .set("appsync.apiKey", "da2-chart-key")
                .call());
    Container operator = operator(chart);
    assertThat(literalEnv(operator))
        .contains(
            entry("PLEXUS_TASK_SINK", "appsync"),
            entry("PLEXUS_APPSYNC_URL", URL),
            entry("PLEXUS_APPSYNC_AUTH", "apiKey"),
            entry("PLEXUS_APPSYNC_API_KEY_SECRET", "plexus-operator-appsync"));
    EnvVar key =
        operator.getEnv().stream()
            .filter(e -> e.getName().equals("PLEXUS_APPSYNC_API_KEY"))
            .findFirst()
            .orElseThrow();
    assertThat(key.getValue()).isNull();
    assertThat(key.getValueFrom().getSecretKeyRef().getName()).isEqualTo("plexus-operator-appsync");
    assertThat(key.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("apiKey");
    Secret secret = chart.one(Secret.class, Chart.NAMESPACE, "plexus-operator-appsync");
    assertThat(secret.getStringData()).containsEntry("apiKey", "da2-chart-key");
  }

  @Test
  void existingSecretOrIamNeedNoChartSecret() {
    RenderedChart existing =
        Chart.parse(
            Chart.template()
                .set("taskSink", "both")
                .set("appsync.url", URL)
                .set("appsync.existingSecret", "team-appsync")
                .call());
    assertThat(existing.all(Secret.class)).isEmpty();
    assertThat(literalEnv(operator(existing)))
        .contains(entry("PLEXUS_APPSYNC_API_KEY_SECRET", "team-appsync"));

    RenderedChart iam =
        Chart.parse(
            Chart.template()
                .set("taskSink", "appsync")
                .set("appsync.url", URL)
                .set("appsync.auth", "iam")
                .call());
    assertThat(iam.all(Secret.class)).isEmpty();
    assertThat(literalEnv(operator(iam)))
        .contains(entry("PLEXUS_APPSYNC_AUTH", "iam"))
        .doesNotContainKey("PLEXUS_APPSYNC_API_KEY_SECRET");
  }

  @Test
  void theDefaultSinkAddsNothing() {
    RenderedChart chart = Chart.render();
    assertThat(chart.all(Secret.class)).isEmpty();
    assertThat(literalEnv(operator(chart)))
        .doesNotContainKeys("PLEXUS_TASK_SINK", "PLEXUS_APPSYNC_URL");
  }

  /** The variables with literal values (the key comes from a Secret). */
  private static java.util.Map<String, String> literalEnv(Container container) {
    java.util.Map<String, String> env = new java.util.LinkedHashMap<>();
    container.getEnv().stream()
        .filter(e -> e.getValueFrom() == null)
        .forEach(e -> env.put(e.getName(), e.getValue() == null ? "" : e.getValue()));
    return env;
  }

  private static Container operator(RenderedChart chart) {
    return chart
        .one(Deployment.class, Chart.NAMESPACE, "plexus-operator")
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0);
  }
}
