package us.anth.plexus.devkit.executor;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicy;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyBuilder;

/** Shared pieces of the Jobs the executor tests build, shaped like the operator's. */
final class TestJobs {
  private TestJobs() {}

  /** The {@code runner} container with the pod-name and node-name fieldRefs. */
  static Container runnerContainer(String... args) {
    return new ContainerBuilder()
        .withName("runner")
        .withImage("ignored")
        .withArgs(args)
        .withEnv(
            fieldRef("PLEXUS_POD_NAME", "metadata.name"),
            fieldRef("PLEXUS_NODE_NAME", "spec.nodeName"))
        .build();
  }

  /** FailJob for container {@code runner} exit codes 126 and 127. */
  static PodFailurePolicy failJobOn126And127() {
    return new PodFailurePolicyBuilder()
        .addNewRule()
        .withAction("FailJob")
        .withNewOnExitCodes()
        .withContainerName("runner")
        .withOperator("In")
        .withValues(126, 127)
        .endOnExitCodes()
        .endRule()
        .build();
  }

  static EnvVar fieldRef(String name, String path) {
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewFieldRef()
        .withFieldPath(path)
        .endFieldRef()
        .endValueFrom()
        .build();
  }
}
