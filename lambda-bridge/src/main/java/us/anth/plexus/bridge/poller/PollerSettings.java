package us.anth.plexus.bridge.poller;

import java.util.Map;

/**
 * The in-cluster poller's own settings: PLEXUS_BRIDGE_STREAM_ARN (empty = the Task table's latest
 * stream), PLEXUS_BRIDGE_CHECKPOINT_CONFIGMAP (plexus-bridge-checkpoint) and
 * PLEXUS_BRIDGE_CHECKPOINT_NAMESPACE (POD_NAMESPACE, else default).
 */
public record PollerSettings(
    String streamArn, String checkpointConfigMap, String checkpointNamespace) {
  public static final String STREAM_ARN = "PLEXUS_BRIDGE_STREAM_ARN";
  public static final String CHECKPOINT_CONFIGMAP = "PLEXUS_BRIDGE_CHECKPOINT_CONFIGMAP";
  public static final String CHECKPOINT_NAMESPACE = "PLEXUS_BRIDGE_CHECKPOINT_NAMESPACE";

  /** Reads the variables above. */
  public static PollerSettings fromEnv(Map<String, String> env) {
    return new PollerSettings(
        value(env, STREAM_ARN, ""),
        value(env, CHECKPOINT_CONFIGMAP, "plexus-bridge-checkpoint"),
        value(env, CHECKPOINT_NAMESPACE, value(env, "POD_NAMESPACE", "default")));
  }

  private static String value(Map<String, String> env, String name, String fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }
}
