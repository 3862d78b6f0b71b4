package us.anth.plexus.bridge.poller;

import java.util.Map;
import us.anth.plexus.api.settings.BridgeVariables;

/**
 * The in-cluster poller's own settings: PLEXUS_BRIDGE_STREAM_ARN (empty = the Task table's latest
 * stream), PLEXUS_BRIDGE_CHECKPOINT_CONFIGMAP (plexus-bridge-checkpoint) and
 * PLEXUS_BRIDGE_CHECKPOINT_NAMESPACE (POD_NAMESPACE, else default).
 */
public record PollerSettings(
    String streamArn, String checkpointConfigMap, String checkpointNamespace) {
  public static final String STREAM_ARN = BridgeVariables.STREAM_ARN.name();
  public static final String CHECKPOINT_CONFIGMAP = BridgeVariables.CHECKPOINT_CONFIGMAP.name();
  public static final String CHECKPOINT_NAMESPACE = BridgeVariables.CHECKPOINT_NAMESPACE.name();

  /** Reads the variables above ({@link BridgeVariables}). */
  public static PollerSettings fromEnv(Map<String, String> env) {
    return new PollerSettings(
        BridgeVariables.STREAM_ARN.read(env),
        BridgeVariables.CHECKPOINT_CONFIGMAP.read(env),
        BridgeVariables.CHECKPOINT_NAMESPACE.read(env));
  }
}
