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

  CliContext(Remote remote, KubernetesClient client, String namespace, TaskStoreSettings settings) {
    this.remote = remote;
    this.client = client;
    this.namespace = namespace;
    this.storeSettings = settings;
  }

  /** Resolves the remote, builds the client for its context and reads the DynamoDB settings. */
  public static CliContext open(GlobalOptions options) {
    RemotesConfig remotes = RemotesConfig.load(options.configPath());
    Remote remote = remotes.select(options.remote);
    Config config = kubeConfig(remote);
    String namespace =
        firstNonBlank(options.namespace, remote.namespace(), config.getNamespace(), "default");
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putAll(remote.env());
    KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
    return new CliContext(remote, client, namespace, TaskStoreSettings.fromEnv(env));
  }

  private static Config kubeConfig(Remote remote) {
    if (remote.kubeconfig() == null) {
      return Config.autoConfigure(remote.context());
    }
    Path file = Path.of(remote.kubeconfig().replaceFirst("^~", System.getProperty("user.home")));
    try {
      return Config.fromKubeconfig(remote.context(), Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new CliException("remote " + remote.name() + ": cannot read kubeconfig " + file);
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
      dynamo = DynamoClients.create(storeSettings);
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
