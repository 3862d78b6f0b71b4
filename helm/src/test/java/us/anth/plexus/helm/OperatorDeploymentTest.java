package us.anth.plexus.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorDeploymentTest {
  private static final String NAME = "plexus-operator";

  @Test
  void containerIsHardened() {
    for (RenderedChart chart :
        new RenderedChart[] {Chart.render(), Chart.render("values-full.yaml")}) {
      PodSpec pod = podSpec(chart);
      assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
      assertThat(pod.getSecurityContext().getSeccompProfile().getType())
          .isEqualTo("RuntimeDefault");
      SecurityContext container = operator(chart).getSecurityContext();
      assertThat(container.getRunAsNonRoot()).isTrue();
      assertThat(container.getReadOnlyRootFilesystem()).isTrue();
      assertThat(container.getAllowPrivilegeEscalation()).isFalse();
      assertThat(container.getCapabilities().getDrop()).containsExactly("ALL");
      assertThat(container.getCapabilities().getAdd()).isEmpty();
      assertThat(container.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
      assertThat(operator(chart).getVolumeMounts())
          .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
      assertThat(pod.getVolumes())
          .anySatisfy(volume -> assertThat(volume.getEmptyDir()).isNotNull());
    }
  }

  @Test
  void probesHitHealthEndpointsOnTheConfiguredHealthPort() {
    RenderedChart chart = Chart.render("values-full.yaml");
    Container operator = operator(chart);
    assertHttpProbe(operator, operator.getLivenessProbe(), "/healthz", 9091);
    assertHttpProbe(operator, operator.getReadinessProbe(), "/readyz", 9091);
    assertThat(ContainerEnv.resolve(operator, Chart.NAMESPACE))
        .contains(entry("PLEXUS_HEALTH_PORT", "9091"), entry("PLEXUS_METRICS_PORT", "9090"));
    assertThat(operator.getPorts()).extracting(ContainerPort::getName).contains("metrics");
  }

  @Test
  void resourcesHaveRequestsAndLimits() {
    Container operator = operator(Chart.render());
    assertThat(operator.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(operator.getResources().getLimits()).containsKeys("cpu", "memory");
  }

  @Test
  void defaultEnvIsTheDocumentedOperatorConfiguration() {
    Map<String, String> env = ContainerEnv.resolve(operator(Chart.render()), Chart.NAMESPACE);
    assertThat(env)
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                entry("POD_NAMESPACE", Chart.NAMESPACE),
                entry("PLEXUS_WATCH_NAMESPACES", ""),
                entry("PLEXUS_RUNNER_IMAGE", "ghcr.io/anthusai/plexus-runner:0.1.0"),
                entry("PLEXUS_RUNNER_IMAGE_PULL_POLICY", "IfNotPresent"),
                entry("PLEXUS_RUNNER_SERVICE_ACCOUNT", "plexus-runner"),
                entry("PLEXUS_TERMINATION_GRACE_SECONDS", "30"),
                entry("PLEXUS_POD_START_GRACE_SECONDS", "300"),
                entry("PLEXUS_DELETE_MIRROR_TIMEOUT_SECONDS", "300"),
                entry("PLEXUS_LEADER_ELECTION", "false"),
                entry("PLEXUS_LEADER_ELECTION_NAMESPACE", Chart.NAMESPACE),
                entry("PLEXUS_LEADER_ELECTION_LEASE", "plexus-operator-leader"),
                entry("PLEXUS_HEALTH_PORT", "8081"),
                entry("PLEXUS_METRICS_PORT", "8080"),
                entry("PLEXUS_LOG_FORMAT", "text"),
                entry("PLEXUS_DYNAMODB_ENABLED", "false"),
                entry("PLEXUS_DYNAMODB_REGION", "us-east-1"),
                entry("PLEXUS_DYNAMODB_ENDPOINT", ""),
                entry("PLEXUS_DYNAMODB_TASK_TABLE", "Task"),
                entry("PLEXUS_DYNAMODB_STAGE_TABLE", "TaskStage"),
                entry("PLEXUS_DYNAMODB_DATASTORE_FIELDS", "false")));
    assertThat(operator(Chart.render()).getImage())
        .isEqualTo("ghcr.io/anthusai/plexus-operator:0.1.0");
  }

  @Test
  void customValuesReachTheOperatorEnv() {
    RenderedChart chart = Chart.render("values-full.yaml");
    Container operator = operator(chart);
    assertThat(operator.getImage())
        .isEqualTo(
            "registry.example.com/plexus/operator@sha256:"
                + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    assertThat(ContainerEnv.resolve(operator, Chart.NAMESPACE))
        .contains(
            entry("PLEXUS_WATCH_NAMESPACES", "team-a,team-b"),
            entry("PLEXUS_RUNNER_IMAGE", "registry.example.com/plexus/runner:2.0.0"),
            entry("PLEXUS_RUNNER_IMAGE_PULL_POLICY", "Always"),
            entry("PLEXUS_RUNNER_SERVICE_ACCOUNT", "plexus-task-runner"),
            entry("PLEXUS_TERMINATION_GRACE_SECONDS", "90"),
            entry("PLEXUS_POD_START_GRACE_SECONDS", "600"),
            entry("PLEXUS_DELETE_MIRROR_TIMEOUT_SECONDS", "120"),
            entry("PLEXUS_LEADER_ELECTION", "true"),
            entry("PLEXUS_LEADER_ELECTION_LEASE", "plexus-leader"),
            entry("PLEXUS_LOG_FORMAT", "json"),
            entry("PLEXUS_DYNAMODB_ENABLED", "true"),
            entry("PLEXUS_DYNAMODB_REGION", "eu-west-1"),
            entry("PLEXUS_DYNAMODB_ENDPOINT", "http://dynamodb.local:8000"),
            entry("PLEXUS_DYNAMODB_TASK_TABLE", "Task-abc123-NONE"),
            entry("PLEXUS_DYNAMODB_STAGE_TABLE", "TaskStage-abc123-NONE"),
            entry("PLEXUS_DYNAMODB_DATASTORE_FIELDS", "true"),
            entry("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75"));
    assertThat(deployment(chart).getSpec().getReplicas()).isEqualTo(2);
    assertThat(podSpec(chart).getServiceAccountName()).isEqualTo("plexus-operator-sa");
  }

  @Test
  void longGracesAndPortsReachTheOperatorEnvAsWholeNumbers() {
    Container operator =
        operator(
            Chart.parse(
                Chart.template()
                    .set("runner.podStartGraceSeconds", 2592000)
                    .set("dynamodb.deleteMirrorTimeoutSeconds", 86400)
                    .set("runner.terminationGraceSeconds", 1000000)
                    .set("health.port", 65535)
                    .set("metrics.port", 10000)
                    .call()));
    assertThat(ContainerEnv.resolve(operator, Chart.NAMESPACE))
        .contains(
            entry("PLEXUS_POD_START_GRACE_SECONDS", "2592000"),
            entry("PLEXUS_DELETE_MIRROR_TIMEOUT_SECONDS", "86400"),
            entry("PLEXUS_TERMINATION_GRACE_SECONDS", "1000000"),
            entry("PLEXUS_HEALTH_PORT", "65535"),
            entry("PLEXUS_METRICS_PORT", "10000"));
  }

  @Test
  void withoutLeaderElectionOldAndNewPodsNeverOverlap() {
    assertThat(deployment(Chart.render()).getSpec().getStrategy().getType()).isEqualTo("Recreate");
    assertThat(deployment(Chart.render("values-full.yaml")).getSpec().getStrategy().getType())
        .isEqualTo("RollingUpdate");
  }

  @Test
  void leaderElectionCanBeTurnedOnForOneReplica() {
    Container operator =
        operator(Chart.parse(Chart.template().set("leaderElection.enabled", true).call()));
    assertThat(ContainerEnv.resolve(operator, Chart.NAMESPACE))
        .containsEntry("PLEXUS_LEADER_ELECTION", "true");
  }

  private static void assertHttpProbe(Container container, Probe probe, String path, int port) {
    assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
    String portName = probe.getHttpGet().getPort().getStrVal();
    assertThat(container.getPorts())
        .filteredOn(p -> p.getName().equals(portName))
        .extracting(ContainerPort::getContainerPort)
        .containsExactly(port);
  }

  static Deployment deployment(RenderedChart chart) {
    return chart.one(Deployment.class, Chart.NAMESPACE, NAME);
  }

  static PodSpec podSpec(RenderedChart chart) {
    return deployment(chart).getSpec().getTemplate().getSpec();
  }

  static Container operator(RenderedChart chart) {
    assertThat(podSpec(chart).getContainers()).hasSize(1);
    return podSpec(chart).getContainers().get(0);
  }
}
