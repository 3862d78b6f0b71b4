package us.anth.plexus.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A default install pulls the tags the build's Jib configurations produce. */
class ChartImagesTest {
  private static final String BUILD_TAG = System.getProperty("plexus.image.tag");

  @Test
  void appVersionIsTheTagJibBuilds() throws Exception {
    Map<String, Object> chart =
        io.fabric8.kubernetes.client.utils.Serialization.unmarshal(
            Files.readString(Chart.DIR.resolve("Chart.yaml")), Map.class);
    assertThat(BUILD_TAG).as("plexus.image.tag from the root pom").isNotBlank();
    assertThat(chart.get("appVersion")).isEqualTo(BUILD_TAG);
  }

  @Test
  void defaultImagesCarryTheBuildTag() {
    RenderedChart chart =
        Chart.parse(
            Chart.template()
                .set("bridge.poller.enabled", true)
                .set(
                    "bridge.poller.streamArn",
                    "arn:aws:dynamodb:us-east-1:123456789012:table/Task/stream/x")
                .call());
    Container operator = container(chart, "plexus-operator");
    assertThat(operator.getImage()).isEqualTo("ghcr.io/anthusai/plexus-operator:" + BUILD_TAG);
    assertThat(ContainerEnv.resolve(operator, Chart.NAMESPACE))
        .containsEntry("PLEXUS_RUNNER_IMAGE", "ghcr.io/anthusai/plexus-runner:" + BUILD_TAG);
    Container poller = container(chart, "plexus-operator-bridge");
    assertThat(poller.getImage()).isEqualTo("ghcr.io/anthusai/plexus-bridge:" + BUILD_TAG);
    assertThat(poller.getCommand()).as("the Jib image's own entrypoint runs").isEmpty();
  }

  private static Container container(RenderedChart chart, String deployment) {
    return chart
        .one(Deployment.class, Chart.NAMESPACE, deployment)
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0);
  }
}
