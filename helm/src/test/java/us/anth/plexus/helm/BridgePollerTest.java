package us.anth.plexus.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BridgePollerTest {
  private static final String NAME = "plexus-operator-bridge";

  @Test
  void offByDefault() {
    RenderedChart chart = Chart.render();
    assertThat(chart.find(Deployment.class, NAME)).isEmpty();
    assertThat(chart.objects()).noneMatch(o -> o.getMetadata().getName().startsWith(NAME));
  }

  @Test
  void pollerRunsStreamPollerMainWithTheBridgeAndDynamoDbEnv() {
    RenderedChart chart = Chart.render("values-full.yaml");
    Deployment deployment = chart.one(Deployment.class, Chart.NAMESPACE, NAME);
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
    Container poller = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(poller.getImage()).isEqualTo("registry.example.com/plexus/bridge:2.0.0");
    assertThat(poller.getCommand())
        .last()
        .isEqualTo("us.anth.plexus.bridge.poller.StreamPollerMain");
    Map<String, String> env = ContainerEnv.resolve(poller, Chart.NAMESPACE);
    assertThat(env)
        .contains(
            entry("POD_NAMESPACE", Chart.NAMESPACE),
            entry(
                "PLEXUS_BRIDGE_STREAM_ARN",
                "arn:aws:dynamodb:eu-west-1:123456789012:table/Task-abc123-NONE/stream/"
                    + "2026-01-01T00:00:00.000"),
            entry("PLEXUS_BRIDGE_NAMESPACE_MAP", "acct-1=team-a,acct-2=team-b"),
            entry("PLEXUS_BRIDGE_DEFAULT_NAMESPACE", "team-a"),
            entry("PLEXUS_BRIDGE_CHECKPOINT_CONFIGMAP", "plexus-stream-checkpoint"),
            entry("PLEXUS_BRIDGE_CHECKPOINT_NAMESPACE", Chart.NAMESPACE),
            entry("PLEXUS_DYNAMODB_ENABLED", "true"),
            entry("PLEXUS_DYNAMODB_TASK_TABLE", "Task-abc123-NONE"),
            entry("AWS_REGION", "eu-west-1"));
    assertThat(poller.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(poller.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
  }

  @Test
  void pollerHasItsOwnServiceAccountForIrsa() {
    RenderedChart chart = Chart.render("values-full.yaml");
    Deployment deployment = chart.one(Deployment.class, Chart.NAMESPACE, NAME);
    assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName())
        .isEqualTo("plexus-bridge");
    assertThat(
            chart
                .one(ServiceAccount.class, Chart.NAMESPACE, "plexus-bridge")
                .getMetadata()
                .getAnnotations())
        .containsEntry(
            "eks.amazonaws.com/role-arn", "arn:aws:iam::123456789012:role/plexus-bridge");
  }
}
