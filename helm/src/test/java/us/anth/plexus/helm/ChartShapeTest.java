package us.anth.plexus.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names, replicas, disruption budget, start-up probe and where the runner identity exists. */
class ChartShapeTest {
  @Test
  void releaseNamedLikeTheChartsPrefixDoesNotStutter() {
    RenderedChart chart = Chart.parse(Chart.template().withName("plexus").call());

    assertThat(names(chart.all(Deployment.class))).containsExactly("plexus-operator");
    assertThat(chart.objects())
        .extracting(o -> o.getMetadata().getName())
        .noneMatch(name -> name.contains("plexus-plexus"));
  }

  @Test
  void fullnameOverrideNamesEveryResource() {
    RenderedChart chart = Chart.parse(Chart.template().set("fullnameOverride", "ops").call());

    assertThat(names(chart.all(Deployment.class))).containsExactly("ops");
    assertThat(names(chart.all(Role.class))).containsExactly("ops-runner");
  }

  @Test
  void disruptionBudgetOnlyWithMoreThanOneReplica() {
    assertThat(Chart.render().all(PodDisruptionBudget.class)).isEmpty();

    RenderedChart two = Chart.parse(Chart.template().set("replicaCount", 2).call());

    assertThat(two.one(Deployment.class, "plexus-operator").getSpec().getReplicas()).isEqualTo(2);
    PodDisruptionBudget pdb = two.one(PodDisruptionBudget.class, "plexus-operator");
    assertThat(pdb.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
    assertThat(pdb.getSpec().getSelector().getMatchLabels())
        .isEqualTo(
            two.one(Deployment.class, "plexus-operator").getSpec().getSelector().getMatchLabels());
  }

  @Test
  void startupProbeGuardsTheLivenessProbe() {
    var container =
        Chart.render()
            .one(Deployment.class, "plexus-operator")
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);

    assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(
            container.getStartupProbe().getPeriodSeconds()
                * container.getStartupProbe().getFailureThreshold())
        .isGreaterThanOrEqualTo(60);
    assertThat(container.getLivenessProbe().getInitialDelaySeconds()).isNull();
  }

  @Test
  void runnerIdentityExistsWhereTheBridgeCreatesTasks() {
    RenderedChart chart =
        Chart.parse(
            Chart.template()
                .set("bridge.poller.enabled", true)
                .set(
                    "bridge.poller.streamArn",
                    "arn:aws:dynamodb:eu-west-1:123456789012:table/T/stream/s")
                .set("bridge.poller.accountNamespaces.acct-1", "team-a")
                .call());

    for (String namespace : List.of(Chart.NAMESPACE, "plexus", "team-a")) {
      assertThat(chart.one(ServiceAccount.class, namespace, "plexus-runner")).isNotNull();
      assertThat(chart.one(Role.class, namespace, "plexus-operator-runner")).isNotNull();
    }
  }

  private static List<String> names(List<? extends HasMetadata> objects) {
    return objects.stream().map(o -> o.getMetadata().getName()).toList();
  }
}
