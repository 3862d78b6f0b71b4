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
import us.anth.plexus.api.settings.RunnerVariables;
import us.anth.plexus.devkit.EmbeddedDynamo;
import us.anth.plexus.devkit.executor.ExecutorOptions;
import us.anth.plexus.operator.OperatorConfig;
import us.anth.plexus.operator.PlexusOperator;
import us.anth.plexus.store.TaskRecordStore;
import us.anth.plexus.store.TaskStageStore;
import us.anth.plexus.store.TaskStoreSettings;

/**
 * The whole system in one process, for development: a Kubernetes API with something running its
 * Jobs ({@link DevKube}: by default the in-process API and the local job executor, or the real
 * local control plane), DynamoDB Local with the dashboard's tables, the operator and the {@code
 * dev-default} pool (every target, empty command prefix). Writes {@code <devDir>/kubeconfig}.
 */
public final class DevStack implements DevEnvironment {
  public static final String DEFAULT_POOL = "dev-default";

  /** Account of tasks dispatched to the dev stack (its remote's PLEXUS_ACCOUNT_ID). */
  public static final String DEV_ACCOUNT = "dev";

  private final DevKube kube;
  private final EmbeddedDynamo dynamo;
  private final PlexusOperator operator;
  private final Path kubeconfig;

  private DevStack(DevKube kube, EmbeddedDynamo dynamo, PlexusOperator operator, Path kubeconfig) {
    this.kube = kube;
    this.dynamo = dynamo;
    this.operator = operator;
    this.kubeconfig = kubeconfig;
  }

  /** Starts everything on {@code cluster} with the defaults (a free port, quiet runners). */
  public static DevStack start(DevCluster cluster, Path devDir) {
    return start(DevOptions.defaults(cluster, devDir));
  }

  /** Starts everything as {@code options} say ({@code port} is the in-process API's only). */
  public static DevStack start(DevOptions options) {
    Path devDir = options.devDir();
    Path kubeconfig = devDir.resolve("kubeconfig");
    ExecutorOptions executor = executorOptions(options);
    try {
      Files.createDirectories(devDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DevKube kube =
        options.cluster() == DevCluster.local
            ? LocalClusterDevKube.start(executor, devDir, DevRemote.NAMESPACE)
            : InProcessDevKube.start(options.port(), executor);
    EmbeddedDynamo dynamo = null;
    try {
      dynamo = EmbeddedDynamo.start();
      createDefaultPool(kube.client());
      PlexusOperator operator =
          DevOperator.create(kube.client(), operatorConfig(dynamo.settings()), dynamo);
      operator.start();
      // Written last: a kubeconfig on disk means the whole stack is up.
      Map<String, String> remoteEnv = new HashMap<>(dynamo.settings().toEnv());
      remoteEnv.put("PLEXUS_ACCOUNT_ID", DEV_ACCOUNT);
      DevRemote.write(devDir.resolve("config.yaml"), kubeconfig, DevRemote.NAMESPACE, remoteEnv);
      kube.writeKubeconfig(kubeconfig, DevRemote.NAMESPACE);
      return new DevStack(kube, dynamo, operator, kubeconfig);
    } catch (RuntimeException e) {
      closeQuietly(kube, dynamo);
      throw e;
    }
  }

  /**
   * How the stack's runner processes start: logs under {@code <devDir>/logs}, the dev kubeconfig,
   * the given classpath, and {@code PLEXUS_RUNNER_VERBOSE=true} when {@code options.verbose()} (a
   * pool's own {@code env} still wins).
   */
  static ExecutorOptions executorOptions(DevOptions options) {
    Path devDir = options.devDir();
    ExecutorOptions executor =
        ExecutorOptions.defaults(devDir.resolve("kubeconfig")).withLogDir(devDir.resolve("logs"));
    if (options.runnerClasspath() != null) {
      executor = executor.withClasspath(options.runnerClasspath());
    }
    return options.verbose()
        ? executor.withEnv(Map.of(RunnerVariables.VERBOSE.name(), "true"))
        : executor;
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
    return kube.client();
  }

  @Override
  public Path kubeconfig() {
    return kubeconfig;
  }

  @Override
  public String apiUrl() {
    return kube.url();
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

  /** Pods (or Jobs) running as local processes now, by namespace/name, with their pids. */
  public Map<String, Long> runningPids() {
    return kube.runningPids();
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
    operator.stop();
    closeQuietly(kube, dynamo);
  }

  private static void closeQuietly(DevKube kube, EmbeddedDynamo dynamo) {
    try {
      kube.close();
    } finally {
      if (dynamo != null) {
        dynamo.close();
      }
    }
  }
}
