package us.anth.plexus.devkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kubectl (when installed) against the dev API: discovery, Table output, apply, logs. */
class DevApiKubectlIT {
  private static final Path KUBECTL = Path.of("/usr/bin/kubectl");
  private static EmbeddedKubeApi api;
  @TempDir static Path dir;
  private static Path kubeconfig;

  @BeforeAll
  static void start() throws Exception {
    api = EmbeddedKubeApi.start();
    kubeconfig = api.writeKubeconfig(dir.resolve("kubeconfig"), "kubectl-it");
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void versionApiResourcesAndTableOutputWork() throws Exception {
    assumeTrue(Files.isExecutable(KUBECTL), "kubectl not installed at /usr/bin/kubectl");
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
    assumeTrue(Files.isExecutable(KUBECTL), "kubectl not installed at /usr/bin/kubectl");
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
    assertThat(api.client().pods().inNamespace("kubectl-it").withName("p1").getLog())
        .contains("hello from p1");
  }

  private static String kubectl(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(List.of(KUBECTL.toString(), "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
