package us.anth.plexus.bridge.eks;

import java.util.Map;
import us.anth.plexus.api.settings.BridgeVariables;

/**
 * Where the EKS cluster is, from the environment: PLEXUS_BRIDGE_EKS_CLUSTER_NAME,
 * PLEXUS_BRIDGE_EKS_ENDPOINT (https URL), PLEXUS_BRIDGE_EKS_CA_DATA (base64 PEM, as in
 * DescribeCluster's certificateAuthority.data) and the region (PLEXUS_BRIDGE_EKS_REGION, else
 * AWS_REGION).
 */
public record EksClusterSettings(
    String clusterName, String endpoint, String caData, String region) {

  /** The settings, or null when no cluster endpoint is configured. */
  public static EksClusterSettings fromEnv(Map<String, String> env) {
    String endpoint = BridgeVariables.EKS_ENDPOINT.read(env);
    if (endpoint.isBlank()) {
      return null;
    }
    String cluster = BridgeVariables.EKS_CLUSTER_NAME.read(env);
    if (cluster.isBlank()) {
      throw new IllegalArgumentException(
          BridgeVariables.EKS_ENDPOINT.name()
              + " is set but "
              + BridgeVariables.EKS_CLUSTER_NAME.name()
              + " is not");
    }
    return new EksClusterSettings(
        cluster,
        endpoint,
        BridgeVariables.EKS_CA_DATA.read(env),
        BridgeVariables.EKS_REGION.read(env));
  }
}
