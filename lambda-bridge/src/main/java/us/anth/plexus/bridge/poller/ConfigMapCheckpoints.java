package us.anth.plexus.bridge.poller;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.net.HttpURLConnection;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import us.anth.plexus.api.PlexusLabels;

/**
 * {@link ShardCheckpoints} in a ConfigMap: one data entry per shard (key = shard id, value = last
 * handled sequence number or {@value #FINISHED}), annotated with the stream ARN so checkpoints of
 * an older stream are never applied to a new one. Each write is an update guarded by the
 * resourceVersion, so a second poller on the same ConfigMap fails loudly instead of interleaving.
 */
public final class ConfigMapCheckpoints implements ShardCheckpoints {
  /** Annotation holding the stream the checkpoints belong to. */
  public static final String STREAM_ARN_ANNOTATION = PlexusLabels.PREFIX + "stream-arn";

  private final KubernetesClient client;
  private final String namespace;
  private final String name;
  private final String streamArn;
  private ConfigMap current;

  private ConfigMapCheckpoints(
      KubernetesClient client, String namespace, String name, String streamArn) {
    this.client = client;
    this.namespace = namespace;
    this.name = name;
    this.streamArn = streamArn;
  }

  /** Loads (creating if needed) the checkpoint ConfigMap {@code namespace/name}. */
  public static ConfigMapCheckpoints load(
      KubernetesClient client, String namespace, String name, String streamArn) {
    ConfigMapCheckpoints checkpoints = new ConfigMapCheckpoints(client, namespace, name, streamArn);
    checkpoints.current = checkpoints.fetchOrCreate();
    return checkpoints;
  }

  private ConfigMap fetchOrCreate() {
    ConfigMap existing = configMaps().withName(name).get();
    if (existing == null) {
      return configMaps().resource(empty(null)).create();
    }
    Map<String, String> annotations = existing.getMetadata().getAnnotations();
    if (annotations == null || !streamArn.equals(annotations.get(STREAM_ARN_ANNOTATION))) {
      return configMaps().resource(empty(existing.getMetadata().getResourceVersion())).update();
    }
    return existing;
  }

  private ConfigMap empty(String resourceVersion) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .withResourceVersion(resourceVersion)
        .addToAnnotations(STREAM_ARN_ANNOTATION, streamArn)
        .addToLabels(PlexusLabels.MANAGED_BY, "plexus-bridge")
        .endMetadata()
        .withData(new HashMap<>())
        .build();
  }

  @Override
  public synchronized String lastSequenceNumber(String shardId) {
    String value = data().get(key(shardId));
    return value == null || FINISHED.equals(value) ? null : value;
  }

  @Override
  public synchronized boolean isFinished(String shardId) {
    return FINISHED.equals(data().get(key(shardId)));
  }

  @Override
  public synchronized void recordHandled(String shardId, String sequenceNumber) {
    write(Map.of(key(shardId), sequenceNumber), Set.of());
  }

  @Override
  public synchronized void recordFinished(String shardId) {
    write(Map.of(key(shardId), FINISHED), Set.of());
  }

  @Override
  public synchronized void retainOnly(Collection<String> liveShardIds) {
    Set<String> live =
        liveShardIds.stream().map(ConfigMapCheckpoints::key).collect(Collectors.toSet());
    Set<String> stale =
        data().keySet().stream().filter(k -> !live.contains(k)).collect(Collectors.toSet());
    if (!stale.isEmpty()) {
      write(Map.of(), stale);
    }
  }

  private void write(Map<String, String> put, Set<String> remove) {
    Map<String, String> data = new HashMap<>(data());
    data.putAll(put);
    data.keySet().removeAll(remove);
    ConfigMap next = new ConfigMapBuilder(current).withData(data).build();
    try {
      current = configMaps().resource(next).update();
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        throw new IllegalStateException(
            "checkpoint ConfigMap "
                + namespace
                + "/"
                + name
                + " was changed by someone else; is a second poller running on this stream?",
            e);
      }
      throw e;
    }
  }

  private Map<String, String> data() {
    return current.getData() == null ? Map.of() : current.getData();
  }

  private NonNamespaceOperation<ConfigMap, ConfigMapList, Resource<ConfigMap>> configMaps() {
    return client.configMaps().inNamespace(namespace);
  }

  /**
   * ConfigMap keys allow [-._a-zA-Z0-9]; DynamoDB shard ids already fit, anything else is mapped.
   */
  static String key(String shardId) {
    return shardId.replaceAll("[^-._a-zA-Z0-9]", "_");
  }
}
