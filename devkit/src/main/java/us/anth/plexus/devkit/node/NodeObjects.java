package us.anth.plexus.devkit.node;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pure builders of the Node, its status and its heartbeat Lease, as a kubelet writes them. */
public final class NodeObjects {
  public static final String LEASE_NAMESPACE = "kube-node-lease";
  public static final int LEASE_SECONDS = 40;
  static final String KUBELET_VERSION = "v1.36.3";

  private NodeObjects() {}

  /** The Node with labels and taints (status is written through nodes/status). */
  public static Node node(NodeSpec spec) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("kubernetes.io/hostname", spec.name());
    labels.put("kubernetes.io/os", "linux");
    labels.put("kubernetes.io/arch", "amd64");
    labels.putAll(spec.labels());
    return new NodeBuilder()
        .withNewMetadata()
        .withName(spec.name())
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withTaints(spec.taints())
        .endSpec()
        .build();
  }

  /** Ready, no pressure, capacity 8 CPU / 32 GiB / 110 pods plus the spec's extra resources. */
  public static NodeStatus status(NodeSpec spec, Instant now) {
    Map<String, Quantity> capacity = new LinkedHashMap<>();
    capacity.put("cpu", new Quantity("8"));
    capacity.put("memory", new Quantity("32Gi"));
    capacity.put("pods", new Quantity("110"));
    capacity.put("ephemeral-storage", new Quantity("100Gi"));
    spec.extraCapacity().forEach((name, amount) -> capacity.put(name, new Quantity(amount)));
    String time = now.toString();
    return new NodeStatusBuilder()
        .withCapacity(capacity)
        .withAllocatable(capacity)
        .withConditions(
            condition("Ready", "True", "KubeletReady", "kubelet is posting ready status", time),
            condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "", time),
            condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "", time),
            condition("PIDPressure", "False", "KubeletHasSufficientPID", "", time))
        .addNewAddress()
        .withType("InternalIP")
        .withAddress("127.0.0.1")
        .endAddress()
        .addNewAddress()
        .withType("Hostname")
        .withAddress(spec.name())
        .endAddress()
        .withNewNodeInfo()
        .withKubeletVersion(KUBELET_VERSION)
        .withOperatingSystem("linux")
        .withArchitecture("amd64")
        .withContainerRuntimeVersion("plexus-node-agent://1")
        .withOsImage("plexus node agent (local processes)")
        .withKernelVersion(System.getProperty("os.version"))
        .withMachineID(spec.name())
        .withSystemUUID(spec.name())
        .withBootID(spec.name())
        .endNodeInfo()
        .build();
  }

  /** The node's heartbeat Lease, renewed {@code now}. */
  public static Lease lease(String nodeName, Instant now) {
    return new LeaseBuilder()
        .withNewMetadata()
        .withName(nodeName)
        .withNamespace(LEASE_NAMESPACE)
        .endMetadata()
        .withNewSpec()
        .withHolderIdentity(nodeName)
        .withLeaseDurationSeconds(LEASE_SECONDS)
        .withRenewTime(now.atZone(ZoneOffset.UTC))
        .endSpec()
        .build();
  }

  private static NodeCondition condition(
      String type, String status, String reason, String message, String time) {
    return new NodeConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .withLastHeartbeatTime(time)
        .withLastTransitionTime(time)
        .build();
  }

  /** All specs' names. */
  public static List<String> names(List<NodeSpec> specs) {
    return specs.stream().map(NodeSpec::name).toList();
  }
}
