package us.anth.plexus.devkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.anth.plexus.api.PlexusTask;

/**
 * kubectl (when installed) against the dev API: discovery, Table output, apply, get
 * ptask/ppool/pods, -o json/yaml, delete, logs, describe with Events.
 */
class DevApiKubectlIT {
  private static EmbeddedKubeApi api;
  @TempDir static Path dir;
  private static Optional<Kubectl> kubectl;
  private static final ObjectMapper JSON = new ObjectMapper();

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
    pod("p1");
    api.podLogs().append("kubectl-it", "p1", "hello from p1\n");
    assertThat(kubectl("logs", "pod/p1")).contains("hello from p1");
    api.podLogs().append("kubectl-it", "p1", "second line\n");
    assertThat(kubectl("logs", "pod/p1", "--tail=1")).isEqualTo("second line\n");
    assertThat(kubectl("logs", "pod/p1", "--timestamps"))
        .matches("(?s)\\d{4}-\\d\\d-\\d\\dT\\S+Z hello from p1\n\\S+Z second line\n");
    assertThat(api.client().pods().inNamespace("kubectl-it").withName("p1").getLog())
        .contains("hello from p1");
  }

  @Test
  void poolsPodsJsonOutputAndDeleteWork() throws Exception {
    assumeTrue(kubectl.isPresent(), "kubectl is not installed (not on PATH)");
    Path pool =
        Path.of(System.getProperty("plexus.checkout", ".."), "examples", "worker-pool.yaml");
    assertThat(kubectl("apply", "--validate=false", "-f", pool.toString())).contains("gpu");
    assertThat(kubectl("get", "ppool"))
        .contains("NAME", "LIMIT", "TARGETS", "gpu", "training/gpu-required");
    JsonNode poolJson = JSON.readTree(kubectl("get", "ppool", "gpu", "-o", "json"));
    assertThat(poolJson.path("kind").asText()).isEqualTo("PlexusWorkerPool");
    assertThat(poolJson.at("/spec/resources/limits").path("nvidia.com/gpu").asText())
        .isEqualTo("1");

    pod("p2");
    assertThat(kubectl("get", "pods")).contains("NAME", "p2");
    JsonNode pods = JSON.readTree(kubectl("get", "pods", "-o", "json"));
    assertThat(pods.path("items").findValuesAsText("name")).contains("p2", "runner");

    assertThat(kubectl("delete", "pod", "p2"))
        .as("plain delete (it waits with a watch) ends without errors")
        .isEqualTo("pod \"p2\" deleted\n");
    assertThat(kubectl("get", "pods")).doesNotContain("p2");
    assertThat(kubectl("delete", "ppool", "gpu"))
        .isEqualTo("plexusworkerpool.plexus.anth.us \"gpu\" deleted\n");
  }

  @Test
  void describeListsTheEventsOfATask() throws Exception {
    assumeTrue(kubectl.isPresent(), "kubectl is not installed (not on PATH)");
    PlexusTask described = new PlexusTask();
    described.setMetadata(new ObjectMetaBuilder().withName("described").build());
    PlexusTask task =
        api.client()
            .resources(PlexusTask.class)
            .inNamespace("kubectl-it")
            .resource(described)
            .create();
    api.client()
        .v1()
        .events()
        .inNamespace("kubectl-it")
        .resource(
            new EventBuilder()
                .withNewMetadata()
                .withName("described.jobcreated")
                .endMetadata()
                .withNewInvolvedObject()
                .withApiVersion(task.getApiVersion())
                .withKind(task.getKind())
                .withName("described")
                .withNamespace("kubectl-it")
                .withUid(task.getMetadata().getUid())
                .endInvolvedObject()
                .withType("Normal")
                .withReason("JobCreated")
                .withMessage("created Job described-1 on pool default")
                .withCount(1)
                .withFirstTimestamp("2026-12-01T07:00:00Z")
                .withLastTimestamp("2026-12-01T07:00:00Z")
                .build())
        .create();

    assertThat(kubectl("describe", "ptask", "described"))
        .as("kubectl's typed Event client decodes the answer (it showed Events: <none>)")
        .containsPattern("Events:\\s+Type\\s+Reason\\s+Age\\s+From\\s+Message")
        .containsPattern("Normal\\s+JobCreated\\s+.*created Job described-1 on pool default");
  }

  private static void pod(String name) {
    api.client()
        .pods()
        .inNamespace("kubectl-it")
        .resource(
            new io.fabric8.kubernetes.api.model.PodBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("runner")
                .endContainer()
                .endSpec()
                .build())
        .create();
  }

  private static String kubectl(String... args) throws Exception {
    return kubectl.orElseThrow().run(args);
  }
}
