package us.anth.plexus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.devkit.Kubectl;

/**
 * {@code plexusctl dev --cluster local}: the dev stack on the real local control plane (kube-local
 * and the node agent) instead of the in-process API. plexusctl dispatches through it, and kubectl
 * applies with validation on. Skipped with one line without the kube-local binary (no Go).
 */
class DevOnLocalClusterIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  @RegisterExtension static final DevStackFixture dev = DevStackFixture.perClass(DevCluster.local);

  @Test
  void dispatchWaitRunsTheDemoOnTheRealJobControllerAndMirrorsIt() {
    DevStackFixture.Run run =
        dev.run(
            "dispatch",
            "plexus-runner demo --seconds 2 --items 20",
            "--wait",
            "--type",
            "demo",
            "--account",
            "acct-local");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("Phase:      Succeeded");
    PlexusTask task =
        Tasks.list(dev.stack.client(), DevRemote.NAMESPACE).stream()
            .filter(t -> "acct-local".equals(t.getSpec().getAccountId()))
            .findFirst()
            .orElseThrow();
    String pod = task.getStatus().getWorkerNodeId();
    assertThat(pod).startsWith(task.getStatus().getJobName());
    assertThat(
            dev.stack
                .client()
                .pods()
                .inNamespace(DevRemote.NAMESPACE)
                .withName(pod)
                .get()
                .getSpec()
                .getNodeName())
        .as("the node the real scheduler chose")
        .isEqualTo("cpu-1");
    assertThat(task.getStatus().getStages()).hasSize(3);
    var records = dev.records();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> records.find(task.getSpec().getTaskId()).orElseThrow().status(),
            "COMPLETED"::equals);
  }

  @Test
  void kubectlAppliesWithValidationOn() throws Exception {
    Optional<Kubectl> kubectl = Kubectl.find(dev.stack.kubeconfig());
    assumeTrue(kubectl.isPresent(), "kubectl is not installed (not on PATH); skipping");
    Path example =
        Path.of(System.getProperty("plexus.checkout", ".."), "examples", "demo-task.yaml");

    assertThat(kubectl.get().run("apply", "-f", example.toString()))
        .contains("plexustask.plexus.anth.us/demo-from-kubectl created");
    await()
        .atMost(TIMEOUT)
        .until(() -> kubectl.get().run("get", "ptask", "demo-from-kubectl").contains("Succeeded"));
    assertThat(kubectl.get().run("get", "jobs")).contains("demo-from-kubectl");
    assertThat(kubectl.get().run("get", "nodes")).contains("cpu-1", "gpu-1");
    assertThat(
            dev.stack
                .client()
                .resources(PlexusTask.class)
                .inNamespace(DevRemote.NAMESPACE)
                .withName("demo-from-kubectl")
                .get()
                .getStatus()
                .getPhase())
        .isEqualTo(TaskPhase.Succeeded);
  }
}
