package us.anth.plexus.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import us.anth.plexus.store.DynamoClients;
import us.anth.plexus.store.TaskRecordStore;
import us.anth.plexus.store.TaskStageStore;
import us.anth.plexus.store.TaskStoreSettings;

/**
 * What a client command talks to, resolved from the global options and the chosen remote: the
 * Kubernetes client and namespace, and the DynamoDB stores when PLEXUS_DYNAMODB_ENABLED is set (in
 * the environment or the remote's env). Closes what it opened.
 */
public final class CliContext implements AutoCloseable {
  private final Remote remote;
  private final KubernetesClient client;
  private final String namespace;
  private final TaskStoreSettings storeSettings;
  private DynamoDbClient dynamo;

  /** How long connecting to the API server may take before the command fails. */
  static final int API_CONNECT_TIMEOUT_MS = 3_000;

  /** How long one API request may take. */
  static final int API_REQUEST_TIMEOUT_MS = 10_000;

  /** DynamoDB attempts per call: one retry, so an unreachable endpoint fails in seconds. */
  static final int DYNAMO_ATTEMPTS = 2;

  CliContext(Remote remote, KubernetesClient client, String namespace, TaskStoreSettings settings) {
    this.remote = remote;
    this.client = client;
    this.namespace = namespace;
    this.storeSettings = settings;
  }

  /** Resolves the remote, builds the client for its context and reads the DynamoDB settings. */
  public static CliContext open(GlobalOptions options) {
    RemotesConfig remotes = RemotesConfig.load(options.configPath(), options.configNamed());
    Remote remote = remotes.select(options.remote);
    Config config =
        kubeConfig(
            remote,
            options.kubeconfig != null ? options.kubeconfig.toString() : remote.kubeconfig(),
            firstNonBlank(options.context, remote.context()));
    failFast(config);
    String namespace =
        firstNonBlank(options.namespace, remote.namespace(), config.getNamespace(), "default");
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putAll(remote.env());
    TaskStoreSettings settings = TaskStoreSettings.fromEnv(env);
    options.apiServer = config.getMasterUrl();
    options.dynamoEndpoint =
        settings.enabled()
            ? (settings.endpoint().isEmpty() ? "region " + settings.region() : settings.endpoint())
            : null;
    KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
    return new CliContext(remote, client, namespace, settings);
  }

  /**
   * A CLI call answers in seconds or fails: no retry loop on an unreachable server (fabric8 retries
   * ten times with backoff by default) and short connect and request timeouts.
   */
  private static void failFast(Config config) {
    config.setRequestRetryBackoffLimit(0);
    config.setConnectionTimeout(API_CONNECT_TIMEOUT_MS);
    config.setRequestTimeout(API_REQUEST_TIMEOUT_MS);
  }

  private static Config kubeConfig(Remote remote, String kubeconfig, String context) {
    if (kubeconfig == null) {
      return Config.autoConfigure(context);
    }
    Path file = Path.of(kubeconfig.replaceFirst("^~", System.getProperty("user.home")));
    if (!Files.exists(file)) {
      throw new CliException("kubeconfig file " + file + " does not exist", 2);
    }
    try {
      return Config.fromKubeconfig(context, Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new CliException("remote " + remote.name() + ": cannot read kubeconfig " + file, 2);
    }
  }

  public Remote remote() {
    return remote;
  }

  public KubernetesClient client() {
    return client;
  }

  public String namespace() {
    return namespace;
  }

  /** The DynamoDB stores, or empty when DynamoDB is not configured. */
  public Optional<Stores> stores() {
    if (!storeSettings.enabled()) {
      return Optional.empty();
    }
    if (dynamo == null) {
      dynamo =
          DynamoClients.create(storeSettings, DYNAMO_ATTEMPTS, java.time.Duration.ofMillis(500));
    }
    return Optional.of(
        new Stores(
            new TaskRecordStore(dynamo, storeSettings), new TaskStageStore(dynamo, storeSettings)));
  }

  /** The Task and TaskStage stores of one DynamoDB endpoint. */
  public record Stores(TaskRecordStore tasks, TaskStageStore stages) {}

  /** Who is running this command ($USER, else the JVM's user name), for cancelledBy/approvedBy. */
  static String user() {
    return System.getenv().getOrDefault("USER", System.getProperty("user.name"));
  }

  static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  @Override
  public void close() {
    client.close();
    if (dynamo != null) {
      dynamo.close();
    }
  }
}
