package us.anth.plexus.bridge.eks;

import java.util.Map;

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
    String endpoint = env.getOrDefault("PLEXUS_BRIDGE_EKS_ENDPOINT", "");
    if (endpoint.isBlank()) {
      return null;
    }
    String cluster = env.getOrDefault("PLEXUS_BRIDGE_EKS_CLUSTER_NAME", "");
    if (cluster.isBlank()) {
      throw new IllegalArgumentException(
          "PLEXUS_BRIDGE_EKS_ENDPOINT is set but PLEXUS_BRIDGE_EKS_CLUSTER_NAME is not");
    }
    String region =
        env.getOrDefault("PLEXUS_BRIDGE_EKS_REGION", env.getOrDefault("AWS_REGION", "us-east-1"));
    return new EksClusterSettings(
        cluster, endpoint, env.getOrDefault("PLEXUS_BRIDGE_EKS_CA_DATA", ""), region);
  }
}
