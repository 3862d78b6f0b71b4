package us.anth.plexus.bridge.lambda;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import us.anth.plexus.bridge.BridgeConfig;
import us.anth.plexus.bridge.BridgeCore;
import us.anth.plexus.bridge.BridgeCores;
import us.anth.plexus.bridge.eks.EksClientFactory;
import us.anth.plexus.bridge.eks.EksClusterSettings;
import us.anth.plexus.store.DynamoClients;
import us.anth.plexus.store.TaskStoreSettings;

/**
 * Builds the Lambda's clients once per execution environment: DynamoDB from the PLEXUS_DYNAMODB_*
 * variables (region defaulting to the function's AWS_REGION), Kubernetes from the
 * PLEXUS_BRIDGE_EKS_* variables with IAM-signed EKS tokens (or the default kubeconfig when no
 * endpoint is set), its calls bounded by {@link KubernetesCallBudget}.
 */
final class LambdaBridgeFactory {
  private final DynamoDbClient dynamo;
  private final TaskStoreSettings settings;
  private final KubernetesClient kubernetes;
  private final BridgeConfig config;

  private LambdaBridgeFactory(
      DynamoDbClient dynamo,
      TaskStoreSettings settings,
      KubernetesClient kubernetes,
      BridgeConfig config) {
    this.dynamo = dynamo;
    this.settings = settings;
    this.kubernetes = kubernetes;
    this.config = config;
  }

  static LambdaBridgeFactory fromEnv(Map<String, String> env) {
    BridgeConfig config = BridgeConfig.fromEnv(env);
    Map<String, String> withRegion = new java.util.HashMap<>(env);
    if (!env.containsKey(TaskStoreSettings.REGION) && env.containsKey("AWS_REGION")) {
      withRegion.put(TaskStoreSettings.REGION, env.get("AWS_REGION"));
    }
    TaskStoreSettings settings = TaskStoreSettings.fromEnv(withRegion);
    EksClusterSettings cluster = EksClusterSettings.fromEnv(env);
    Config kubeConfig =
        cluster == null
            ? Config.autoConfigure(null)
            : EksClientFactory.config(
                cluster, DefaultCredentialsProvider.builder().build(), Clock.systemUTC());
    KubernetesClient kubernetes =
        new KubernetesClientBuilder().withConfig(KubernetesCallBudget.apply(kubeConfig)).build();
    return new LambdaBridgeFactory(DynamoClients.create(settings), settings, kubernetes, config);
  }

  /** The one Kubernetes client every core of this environment shares. */
  KubernetesClient kubernetes() {
    return kubernetes;
  }

  BridgeCore coreForTable(String taskTable) {
    return BridgeCores.forTable(dynamo, settings, taskTable, kubernetes, config);
  }
}
