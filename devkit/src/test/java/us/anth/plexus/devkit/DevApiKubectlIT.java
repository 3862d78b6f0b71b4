package us.anth.plexus.devkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kubectl (when installed) against the dev API: discovery, Table output, apply, logs. */
class DevApiKubectlIT {
  private static EmbeddedKubeApi api;
  @TempDir static Path dir;
  private static Optional<Kubectl> kubectl;

  @BeforeAll
  static void start() throws Exception {
    api = EmbeddedKubeApi.start();
    kubectl = Kubectl.find(api.writeKubeconfig(dir.resolve("kubeconfig"), "kubectl-it"));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void versionApiResourcesAndTableOutputWork() throws Exception {
    assumeTrue(kubectl.isPresent(), "kubectl is not installed (not on PATH)");
    assertThat(kubectl("version", "-o", "json")).contains("v1.32.0-plexus-dev");
    assertThat(kubectl("api-resources")).contains("plexustasks", "ptask", "jobs");

    Path task = dir.resolve("task.yaml");
    Files.writeString(
        task,
        String.join(
            "\n",
            "apiVersion: plexus.anth.us/v1alpha1",
            "kind: PlexusTask",
            "metadata: {name: from-kubectl}",
            "spec: {accountId: acct, type: demo, target: dev/local, command: 'demo --seconds 1'}",
            ""));
    assertThat(kubectl("apply", "--validate=false", "-f", task.toString()))
        .contains("from-kubectl");
    assertThat(kubectl("get", "ptask"))
        .contains("NAME", "TARGET", "PHASE", "from-kubectl", "dev/local");
    assertThat(kubectl("get", "jobs")).contains("No resources found");
    assertThat(kubectl("label", "ptask", "from-kubectl", "team=ml")).contains("labeled");
    assertThat(kubectl("get", "ptask", "-l", "team=ml", "-o", "yaml"))
        .contains("name: from-kubectl", "team: ml");
    assertThat(kubectl("delete", "ptask", "from-kubectl")).contains("deleted");
    assertThat(kubectl("get", "ptask")).doesNotContain("from-kubectl");
  }

  @Test
  void podLogsComeFromTheLogStore() throws Exception {
    assumeTrue(kubectl.isPresent(), "kubectl is not installed (not on PATH)");
    api.client()
        .pods()
        .inNamespace("kubectl-it")
        .resource(
            new io.fabric8.kubernetes.api.model.PodBuilder()
                .withNewMetadata()
                .withName("p1")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("runner")
                .endContainer()
                .endSpec()
                .build())
        .create();
    api.podLogs().append("kubectl-it", "p1", "hello from p1\n");
    assertThat(kubectl("logs", "pod/p1")).contains("hello from p1");
    api.podLogs().append("kubectl-it", "p1", "second line\n");
    assertThat(kubectl("logs", "pod/p1", "--tail=1")).isEqualTo("second line\n");
    assertThat(kubectl("logs", "pod/p1", "--timestamps"))
        .matches("(?s)\\d{4}-\\d\\d-\\d\\dT\\S+Z hello from p1\n\\S+Z second line\n");
    assertThat(api.client().pods().inNamespace("kubectl-it").withName("p1").getLog())
        .contains("hello from p1");
  }

  private static String kubectl(String... args) throws Exception {
    return kubectl.orElseThrow().run(args);
  }
}
