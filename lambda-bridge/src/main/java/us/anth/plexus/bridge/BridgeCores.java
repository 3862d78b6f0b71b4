package us.anth.plexus.bridge;

import io.fabric8.kubernetes.client.KubernetesClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import us.anth.plexus.store.TaskStoreSettings;

/** Wires a {@link BridgeCore} for one Task table from the clients both front ends build. */
public final class BridgeCores {
  private BridgeCores() {}

  /** The core dispatching records of {@code taskTable}. */
  public static BridgeCore forTable(
      DynamoDbClient dynamo,
      TaskStoreSettings settings,
      String taskTable,
      KubernetesClient kubernetes,
      BridgeConfig config) {
    TaskStoreSettings table = settings.withTables(taskTable, settings.stageTable());
    return new BridgeCore(
        new StoreDispatchRecords(dynamo, table),
        new KubernetesPlexusTaskWriter(kubernetes),
        config.namespaces(),
        config.maxAttempts());
  }
}
