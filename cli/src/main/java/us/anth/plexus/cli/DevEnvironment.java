package us.anth.plexus.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The local dev stack as {@code plexusctl dev} drives it. Its implementation (API, DynamoDB Local,
 * operator, local executor) lives in the plexusctl-dev module, which only {@code bin/plexusctl dev}
 * puts on the classpath, so the client commands never load it.
 */
public interface DevEnvironment extends AutoCloseable {
  KubernetesClient client();

  /** The DynamoDB Task and TaskStage stores of the stack. */
  CliContext.Stores stores();

  String apiUrl();

  String dynamoEndpoint();

  Path kubeconfig();

  /** The remotes file naming this stack {@code dev}. */
  Path remotesFile();

  /** The environment a client command needs to reach this stack. */
  Map<String, String> clientEnv();

  @Override
  void close();

  /** Starts a dev stack; found with {@link ServiceLoader}. */
  interface Starter {
    /** Starts it as {@code options} say. */
    DevEnvironment start(DevOptions options);
  }

  /** Starts the stack of the Starter on the classpath; a readable error without one. */
  static DevEnvironment start(DevOptions options) {
    Starter starter =
        ServiceLoader.load(Starter.class)
            .findFirst()
            .orElseThrow(
                () ->
                    new CliException(
                        "plexusctl dev needs the dev stack (module cli-dev) on the classpath;"
                            + " run it as bin/plexusctl dev",
                        2));
    return starter.start(options);
  }
}
