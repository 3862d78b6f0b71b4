package us.anth.plexus.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusWorkerPool;

class RenderedDocumentsTest {
  private static final List<String> CLUSTER_SCOPED =
      List.of(
          "ClusterRole",
          "ClusterRoleBinding",
          "PlexusWorkerPool",
          "ValidatingAdmissionPolicy",
          "ValidatingAdmissionPolicyBinding");

  @Test
  void everyDocumentParsesIntoItsTypedObject() {
    for (RenderedChart chart : List.of(Chart.render(), Chart.render("values-full.yaml"))) {
      assertThat(chart.objects()).isNotEmpty();
      for (HasMetadata object : chart.objects()) {
        if (object.getKind().equals("ServiceMonitor")) {
          assertThat(object).isInstanceOf(GenericKubernetesResource.class);
        } else {
          assertThat(object).as(object.getKind()).isNotInstanceOf(GenericKubernetesResource.class);
        }
        assertThat(object.getMetadata().getName()).hasSizeLessThanOrEqualTo(63);
        if (CLUSTER_SCOPED.contains(object.getKind())) {
          assertThat(object.getMetadata().getNamespace()).as(object.getKind()).isNull();
        } else {
          assertThat(object.getMetadata().getNamespace()).as(object.getKind()).isNotBlank();
        }
      }
    }
    assertThat(Chart.render().all(PlexusWorkerPool.class)).isNotEmpty();
  }

  @Test
  void operatorServiceAccountCarriesIrsaAnnotations() {
    ServiceAccount account =
        Chart.render("values-full.yaml")
            .one(ServiceAccount.class, Chart.NAMESPACE, "plexus-operator-sa");
    assertThat(account.getMetadata().getAnnotations())
        .containsEntry(
            "eks.amazonaws.com/role-arn", "arn:aws:iam::123456789012:role/plexus-operator");
  }

  @Test
  void metricsServiceSelectsTheOperatorPodsAndServiceMonitorScrapesIt() {
    RenderedChart chart = Chart.render("values-full.yaml");
    Service service = chart.one(Service.class, Chart.NAMESPACE, "plexus-operator-metrics");
    Deployment operator = OperatorDeploymentTest.deployment(chart);
    assertThat(operator.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(service.getSpec().getSelector());
    assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(9090);
    assertThat(service.getSpec().getPorts().get(0).getTargetPort().getStrVal())
        .isEqualTo("metrics");
    GenericKubernetesResource monitor =
        (GenericKubernetesResource)
            chart.objects().stream()
                .filter(o -> o.getKind().equals("ServiceMonitor"))
                .findFirst()
                .orElseThrow();
    assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
    Map<String, Object> endpoint =
        monitor.<List<Map<String, Object>>>get("spec", "endpoints").get(0);
    assertThat(endpoint).containsEntry("port", "metrics").containsEntry("path", "/metrics");
    Map<String, String> selector = monitor.get("spec", "selector", "matchLabels");
    assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(selector);
  }

  @Test
  void serviceMonitorIsOffByDefault() {
    assertThat(Chart.render().objects()).noneMatch(o -> o.getKind().equals("ServiceMonitor"));
  }
}
