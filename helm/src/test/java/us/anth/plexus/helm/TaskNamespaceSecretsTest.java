package us.anth.plexus.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * taskNamespaceSecrets: the Secrets runner Jobs read in their task's namespace — the AppSync key
 * under the operator's Secret name, and the Plexus API env a pool's plexusApiSecret names.
 */
class TaskNamespaceSecretsTest {
  private static final String URL = "https://abc.appsync-api.eu-west-1.amazonaws.com/graphql";

  @Test
  void eachTaskNamespaceGetsTheAppSyncKeyAndThePlexusApiSecret() {
    RenderedChart chart = Chart.render("values-task-namespaces.yaml");

    for (String ns : new String[] {"team-a", "team-b"}) {
      Secret key = chart.one(Secret.class, ns, "plexus-operator-appsync");
      assertThat(key.getStringData()).containsExactlyEntriesOf(Map.of("apiKey", "da2-chart-key"));
      Secret api = chart.one(Secret.class, ns, "plexus-api");
      assertThat(api.getStringData())
          .containsEntry("PLEXUS_API_URL", URL)
          .containsEntry("PLEXUS_API_KEY", "da2-plexus")
          .containsEntry("PLEXUS_ACCOUNT_KEY", "call-criteria");
    }
    assertThat(
            chart.all(Secret.class).stream()
                .filter(s -> s.getMetadata().getName().equals("plexus-operator-appsync"))
                .map(s -> s.getMetadata().getNamespace()))
        .as("the release namespace's key Secret is rendered once (05-secret-appsync.yaml)")
        .containsExactlyInAnyOrder("team-a", "team-b", Chart.NAMESPACE);
    assertThat(chart.one(Secret.class, Chart.NAMESPACE, "plexus-api").getStringData())
        .containsEntry("PLEXUS_API_KEY", "da2-plexus");
  }

  @Test
  void anExistingKeySecretIsNotCopiedAndNoUrlMeansNoPlexusApiSecret() {
    assertThat(Chart.render("values-task-namespaces-existing-key.yaml").all(Secret.class))
        .isEmpty();
  }

  @Test
  void withoutNamespacesNothingIsAdded() {
    assertThat(Chart.render().all(Secret.class)).isEmpty();
  }
}
