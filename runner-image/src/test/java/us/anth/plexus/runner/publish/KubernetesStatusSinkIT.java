package us.anth.plexus.runner.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.StageState;

/**
 * How the sink classifies API errors, on fabric8's mock server in expectation mode: only a 404 (the
 * task is deleted) ends its writes; conflicts and server errors are thrown for retry.
 */
class KubernetesStatusSinkIT {
  private static final String STATUS_PATH =
      "/apis/"
          + HasMetadata.getApiVersion(PlexusTask.class)
          + "/namespaces/ns/"
          + HasMetadata.getPlural(PlexusTask.class)
          + "/task-1/status";

  private final KubernetesMockServer server = new KubernetesMockServer(false);
  private KubernetesClient client;

  @BeforeEach
  void start() {
    server.init();
    // No client-side retries, so each publish is one request.
    client =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(server.createClient().getConfiguration())
                    .withRequestRetryBackoffLimit(0)
                    .build())
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.destroy();
  }

  @Test
  void notFoundMeansTheTaskIsGone() {
    server.expect().patch().withPath(STATUS_PATH).andReturn(404, "{}").always();
    assertThatThrownBy(() -> new KubernetesStatusSink(client).publish(snapshot()))
        .isInstanceOf(TargetGoneException.class)
        .hasMessage("PlexusTask ns/task-1 is gone (HTTP 404)");
  }

  @ParameterizedTest
  @ValueSource(ints = {409, 500, 503})
  void conflictsAndServerErrorsAreThrownForRetry(int code) {
    server.expect().patch().withPath(STATUS_PATH).andReturn(code, "{}").always();
    assertThatThrownBy(() -> new KubernetesStatusSink(client).publish(snapshot()))
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(code));
  }

  private static TaskSnapshot snapshot() {
    return TestSnapshots.bare(new TaskRef("ns", "task-1", null), 1, StageState.RUNNING);
  }
}
