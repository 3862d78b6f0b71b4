package us.anth.plexus.devkit.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcessSpecTest {
  @Test
  void resolvesLiteralAndFieldRefEnvAndAddsKubeconfig() {
    Container container =
        new ContainerBuilder(TestJobs.runnerContainer("run"))
            .addNewEnv()
            .withName("PLEXUS_TASK_NAME")
            .withValue("t1")
            .endEnv()
            .addNewEnv()
            .withName("EMPTY")
            .endEnv()
            .addNewEnv()
            .withName("SECRET")
            .withNewValueFrom()
            .withNewSecretKeyRef()
            .withName("s")
            .withKey("k")
            .endSecretKeyRef()
            .endValueFrom()
            .endEnv()
            .build();
    ExecutorOptions options = ExecutorOptions.defaults(Path.of("/tmp/kc")).withClasspath("a.jar");

    ProcessSpec spec = ProcessSpec.forContainer(container, "job-abcde", options);

    assertThat(spec.command()).endsWith("-cp", "a.jar", ExecutorOptions.RUNNER_MAIN, "run");
    assertThat(spec.env())
        .containsEntry("PLEXUS_TASK_NAME", "t1")
        .containsEntry("EMPTY", "")
        .containsEntry("PLEXUS_POD_NAME", "job-abcde")
        .containsEntry("PLEXUS_NODE_NAME", "local-executor")
        .containsEntry("KUBECONFIG", "/tmp/kc")
        .doesNotContainKey("SECRET");
  }

  @Test
  void resolvesSecretKeyRefsThroughTheLookupAndLeavesMissingEntriesOut() {
    Container container =
        new ContainerBuilder(TestJobs.runnerContainer("run"))
            .addNewEnv()
            .withName("PLEXUS_API_KEY")
            .withNewValueFrom()
            .withNewSecretKeyRef()
            .withName("plexus-api")
            .withKey("PLEXUS_API_KEY")
            .endSecretKeyRef()
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("PLEXUS_ACCOUNT_KEY")
            .withNewValueFrom()
            .withNewSecretKeyRef()
            .withName("plexus-api")
            .withKey("PLEXUS_ACCOUNT_KEY")
            .endSecretKeyRef()
            .endValueFrom()
            .endEnv()
            .build();
    java.util.Map<String, String> secret = java.util.Map.of("PLEXUS_API_KEY", "da2-key");

    ProcessSpec spec =
        ProcessSpec.forContainer(
            container,
            "job-abcde",
            ExecutorOptions.defaults(Path.of("/tmp/kc")),
            (name, key) ->
                "plexus-api".equals(name)
                    ? java.util.Optional.ofNullable(secret.get(key))
                    : java.util.Optional.empty());

    assertThat(spec.env())
        .containsEntry("PLEXUS_API_KEY", "da2-key")
        .doesNotContainKey("PLEXUS_ACCOUNT_KEY");
  }
}
