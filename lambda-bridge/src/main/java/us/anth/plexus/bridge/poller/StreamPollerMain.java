package us.anth.plexus.bridge.poller;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import us.anth.plexus.bridge.BridgeConfig;
import us.anth.plexus.bridge.BridgeCore;
import us.anth.plexus.bridge.BridgeCores;
import us.anth.plexus.bridge.StreamArns;
import us.anth.plexus.store.DynamoClients;
import us.anth.plexus.store.TaskStoreSettings;

/**
 * The in-cluster bridge: polls the Task table's stream (service account credentials for Kubernetes,
 * the pod's AWS credentials for DynamoDB) until SIGTERM, then stops after the record in hand.
 */
public final class StreamPollerMain {
  private static final Logger LOG = LoggerFactory.getLogger(StreamPollerMain.class);

  private StreamPollerMain() {}

  /** Exits with status 2 and one log line when the configuration is invalid. */
  public static void main(String[] args) {
    StreamPoller loop;
    try {
      loop = fromEnv(System.getenv(), new KubernetesClientBuilder().build());
    } catch (IllegalArgumentException e) {
      LOG.error("Cannot start the bridge poller: {}", e.getMessage());
      System.exit(2);
      return;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("Stopping the bridge poller");
                  loop.stop();
                  try {
                    boolean stopped = loop.awaitStopped(Duration.ofSeconds(20));
                    LOG.info(stopped ? "Poller stopped" : "Poller still busy after 20 s; exiting");
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }));
    loop.run();
  }

  /** The poller the environment describes (PLEXUS_BRIDGE_* and PLEXUS_DYNAMODB_* variables). */
  public static StreamPoller fromEnv(Map<String, String> env, KubernetesClient kubernetes) {
    BridgeConfig config = BridgeConfig.fromEnv(env);
    TaskStoreSettings settings = TaskStoreSettings.fromEnv(env);
    PollerSettings poller = PollerSettings.fromEnv(env);
    DynamoDbClient dynamo = DynamoClients.create(settings);
    String streamArn =
        poller.streamArn().isEmpty() ? latestStream(dynamo, settings) : poller.streamArn();
    String table = StreamArns.tableName(streamArn);
    BridgeCore core = BridgeCores.forTable(dynamo, settings, table, kubernetes, config);
    LOG.info(
        "Polling {} (table {}); checkpoints in ConfigMap {}/{}",
        streamArn,
        table,
        poller.checkpointNamespace(),
        poller.checkpointConfigMap());
    return create(
        StreamsClients.create(settings),
        streamArn,
        kubernetes,
        poller,
        core,
        PollerOptions.defaults());
  }

  /** A poller dispatching every record of {@code streamArn} with {@code core}. */
  public static StreamPoller create(
      DynamoDbStreamsClient streams,
      String streamArn,
      KubernetesClient kubernetes,
      PollerSettings poller,
      BridgeCore core,
      PollerOptions options) {
    ShardCheckpoints checkpoints =
        ConfigMapCheckpoints.load(
            kubernetes, poller.checkpointNamespace(), poller.checkpointConfigMap(), streamArn);
    return new StreamPoller(streams, streamArn, checkpoints, new DispatchingHandler(core), options);
  }

  private static String latestStream(DynamoDbClient dynamo, TaskStoreSettings settings) {
    String arn =
        dynamo.describeTable(r -> r.tableName(settings.taskTable())).table().latestStreamArn();
    if (arn == null) {
      throw new IllegalStateException(
          "table " + settings.taskTable() + " has no stream; enable NEW_AND_OLD_IMAGES streams");
    }
    return arn;
  }
}
