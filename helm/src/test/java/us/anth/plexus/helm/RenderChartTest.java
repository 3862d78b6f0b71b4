package us.anth.plexus.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The offline launcher renders what {@code helm template} would, with its flags. */
class RenderChartTest {
  @Test
  void rendersWithValuesFilesSetsNameAndNamespace() {
    String yaml =
        RenderChart.render(
            Chart.DIR,
            List.of(
                "-f", Chart.testResource("values-full.yaml").toString(),
                "--set", "replicaCount=3",
                "--set", "fullnameOverride=prod-ops",
                "--name", "prod",
                "--namespace", "ops"));

    Deployment operator =
        Chart.parse(yaml).all(Deployment.class).stream()
            .filter(d -> d.getMetadata().getName().equals("prod-ops"))
            .findFirst()
            .orElseThrow();
    assertThat(operator.getMetadata().getNamespace()).isEqualTo("ops");
    assertThat(operator.getSpec().getReplicas()).isEqualTo(3);
    assertThat(operator.getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/instance", "prod");
  }

  @Test
  void badFlagsAreNamed() {
    assertThatThrownBy(() -> RenderChart.render(Chart.DIR, List.of("--wat", "x")))
        .hasMessageStartingWith("unknown flag --wat");
    assertThatThrownBy(() -> RenderChart.render(Chart.DIR.resolve("nope"), List.of()))
        .hasMessageStartingWith("no chart at ");
  }
}
