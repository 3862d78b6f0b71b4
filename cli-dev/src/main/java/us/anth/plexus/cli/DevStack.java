package us.anth.plexus.cli;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.PlexusWorkerPoolSpec;
import us.anth.plexus.devkit.EmbeddedDynamo;
import us.anth.plexus.devkit.EmbeddedKubeApi;
import us.anth.plexus.devkit.executor.ExecutorOptions;
import us.anth.plexus.devkit.executor.LocalJobExecutor;
import us.anth.plexus.operator.OperatorConfig;
import us.anth.plexus.operator.PlexusOperator;
import us.anth.plexus.store.TaskRecordStore;
import us.anth.plexus.store.TaskStageStore;
import us.anth.plexus.store.TaskStoreSettings;

/**
 * The whole system in one process, for development: the in-process Kubernetes API, DynamoDB Local
 * with the dashboard's tables, the operator, the local job executor and the {@code dev-default}
 * pool (every target, empty command prefix). Writes {@code <devDir>/kubeconfig}.
 */
public final class DevStack implements DevEnvironment {
  public static final String DEFAULT_POOL = "dev-default";

  /** Account of tasks dispatched to the dev stack (its remote's PLEXUS_ACCOUNT_ID). */
  public static final String DEV_ACCOUNT = "dev";

  private final EmbeddedKubeApi api;
  private final EmbeddedDynamo dynamo;
  private final PlexusOperator operator;
  private final LocalJobExecutor executor;
  private final Path kubeconfig;

  private DevStack(
      EmbeddedKubeApi api,
      EmbeddedDynamo dynamo,
      PlexusOperator operator,
      LocalJobExecutor executor,
      Path kubeconfig) {
    this.api = api;
    this.dynamo = dynamo;
    this.operator = operator;
    this.executor = executor;
    this.kubeconfig = kubeconfig;
  }

  /** Starts everything; {@code port} 0 picks a free port; {@code runnerClasspath} null = ours. */
  public static DevStack start(int port, Path devDir, String runnerClasspath) {
    EmbeddedKubeApi api = EmbeddedKubeApi.start(port);
    EmbeddedDynamo dynamo = null;
    try {
      Files.createDirectories(devDir);
      Path kubeconfig = devDir.resolve("kubeconfig");
      dynamo = EmbeddedDynamo.start();
      createDefaultPool(api.client());
      PlexusOperator operator =
          DevOperator.create(api.client(), operatorConfig(dynamo.settings()), dynamo);
      operator.start();
      ExecutorOptions options =
          ExecutorOptions.defaults(kubeconfig).withLogDir(devDir.resolve("logs"));
      if (runnerClasspath != null) {
        options = options.withClasspath(runnerClasspath);
      }
      LocalJobExecutor executor =
          new LocalJobExecutor(api.client(), api.podLogs(), options).start();
      // Written last: a kubeconfig on disk means the whole stack is up.
      Map<String, String> remoteEnv = new HashMap<>(dynamo.settings().toEnv());
      remoteEnv.put("PLEXUS_ACCOUNT_ID", DEV_ACCOUNT);
      DevRemote.write(devDir.resolve("config.yaml"), kubeconfig, DevRemote.NAMESPACE, remoteEnv);
      api.writeKubeconfig(kubeconfig, DevRemote.NAMESPACE);
      return new DevStack(api, dynamo, operator, executor, kubeconfig);
    } catch (IOException e) {
      closeQuietly(api, dynamo);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      closeQuietly(api, dynamo);
      throw e;
    }
  }

  static OperatorConfig operatorConfig(TaskStoreSettings store) {
    Map<String, String> env = new HashMap<>(store.toEnv());
    env.put("PLEXUS_RUNNER_IMAGE", "local-executor/plexus-runner");
    env.put("PLEXUS_TERMINATION_GRACE_SECONDS", "5");
    return OperatorConfig.fromEnv(env);
  }

  private static void createDefaultPool(KubernetesClient client) {
    PlexusWorkerPoolSpec spec = new PlexusWorkerPoolSpec();
    spec.setTargets(List.of("*"));
    spec.setCommandPrefix("");
    PlexusWorkerPool pool = new PlexusWorkerPool();
    pool.setMetadata(new ObjectMetaBuilder().withName(DEFAULT_POOL).build());
    pool.setSpec(spec);
    client.resources(PlexusWorkerPool.class).resource(pool).create();
  }

  @Override
  public KubernetesClient client() {
    return api.client();
  }

  @Override
  public Path kubeconfig() {
    return kubeconfig;
  }

  @Override
  public String apiUrl() {
    return api.url();
  }

  public EmbeddedDynamo dynamo() {
    return dynamo;
  }

  @Override
  public String dynamoEndpoint() {
    return dynamo.endpoint();
  }

  @Override
  public CliContext.Stores stores() {
    TaskStoreSettings settings = dynamo.settings();
    return new CliContext.Stores(
        new TaskRecordStore(dynamo.client(), settings),
        new TaskStageStore(dynamo.client(), settings));
  }

  public LocalJobExecutor executor() {
    return executor;
  }

  /** The remotes file naming this stack {@code dev} (written at start). */
  @Override
  public Path remotesFile() {
    return kubeconfig.resolveSibling("config.yaml");
  }

  /** The environment a client command needs to reach this stack. */
  @Override
  public Map<String, String> clientEnv() {
    Map<String, String> env = new HashMap<>(dynamo.settings().toEnv());
    env.put("KUBECONFIG", kubeconfig.toAbsolutePath().toString());
    return env;
  }

  @Override
  public void close() {
    executor.close();
    operator.stop();
    closeQuietly(api, dynamo);
  }

  private static void closeQuietly(EmbeddedKubeApi api, EmbeddedDynamo dynamo) {
    try {
      api.close();
    } finally {
      if (dynamo != null) {
        dynamo.close();
      }
    }
  }
}
