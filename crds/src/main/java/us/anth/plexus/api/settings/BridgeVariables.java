package us.anth.plexus.api.settings;

import java.util.List;

/**
 * The Lambda bridge's and the stream poller's settings (both also read {@link DynamoDbVariables}
 * and the log format).
 */
public final class BridgeVariables {
  public static final Setting<String> NAMESPACE_MAP =
      Setting.text(
          "PLEXUS_BRIDGE_NAMESPACE_MAP",
          "",
          "`accountId=namespace` pairs, comma-separated (`acct1=ns1,acct2=ns2`)");
  public static final Setting<String> DEFAULT_NAMESPACE =
      Setting.text(
          "PLEXUS_BRIDGE_DEFAULT_NAMESPACE",
          "plexus",
          "namespace of tasks whose account is not in the map");
  public static final Setting<Long> MAX_ATTEMPTS =
      Setting.atLeast(
          "PLEXUS_BRIDGE_MAX_ATTEMPTS",
          1,
          4,
          "the delivery attempt on which a failed creation marks the record ERROR (1 + the event"
              + " source mapping's `MaximumRetryAttempts`)");
  public static final Setting<String> EKS_ENDPOINT =
      Setting.text("PLEXUS_BRIDGE_EKS_ENDPOINT", "", "Lambda only: the EKS API endpoint (https)");
  public static final Setting<String> EKS_CLUSTER_NAME =
      Setting.text(
          "PLEXUS_BRIDGE_EKS_CLUSTER_NAME",
          "",
          "Lambda only: the EKS cluster name (for the token)");
  public static final Setting<String> EKS_CA_DATA =
      Setting.text("PLEXUS_BRIDGE_EKS_CA_DATA", "", "Lambda only: the cluster CA, base64 PEM");
  public static final Setting<String> EKS_REGION =
      Setting.textOr(
          "PLEXUS_BRIDGE_EKS_REGION",
          "AWS_REGION",
          "us-east-1",
          "Lambda only: region of the cluster");
  public static final Setting<String> STREAM_ARN =
      Setting.text(
          "PLEXUS_BRIDGE_STREAM_ARN",
          "",
          "poller only: the Task table's stream; empty = the table's latest stream");
  public static final Setting<String> CHECKPOINT_CONFIGMAP =
      Setting.text(
          "PLEXUS_BRIDGE_CHECKPOINT_CONFIGMAP",
          "plexus-bridge-checkpoint",
          "poller only: ConfigMap holding the per-shard checkpoint");
  public static final Setting<String> CHECKPOINT_NAMESPACE =
      Setting.textOr(
          "PLEXUS_BRIDGE_CHECKPOINT_NAMESPACE",
          "POD_NAMESPACE",
          "default",
          "poller only: namespace of that ConfigMap");

  private BridgeVariables() {}

  /** Every bridge setting, in docs order. */
  public static List<Setting<?>> all() {
    return List.of(
        NAMESPACE_MAP,
        DEFAULT_NAMESPACE,
        MAX_ATTEMPTS,
        EKS_ENDPOINT,
        EKS_CLUSTER_NAME,
        EKS_CA_DATA,
        EKS_REGION,
        STREAM_ARN,
        CHECKPOINT_CONFIGMAP,
        CHECKPOINT_NAMESPACE,
        LogVariables.FORMAT);
  }
}
