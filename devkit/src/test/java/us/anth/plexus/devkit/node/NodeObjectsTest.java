package us.anth.plexus.devkit.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NodeObjectsTest {
  private static final Instant NOW = Instant.parse("2026-12-01T04:00:00Z");

  @Test
  void gpuNodeHasTheGpuLabelTaintAndOneGpu() {
    NodeSpec gpu = NodeSpec.parse("cpu-1, gpu-1").get(1);
    Node node = NodeObjects.node(gpu);
    assertThat(node.getMetadata().getLabels())
        .containsEntry("nvidia.com/gpu.present", "true")
        .containsEntry("kubernetes.io/hostname", "gpu-1");
    assertThat(node.getSpec().getTaints())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.getKey()).isEqualTo("nvidia.com/gpu");
              assertThat(t.getValue()).isEqualTo("present");
              assertThat(t.getEffect()).isEqualTo("NoSchedule");
            });
    assertThat(NodeObjects.status(gpu, NOW).getAllocatable())
        .containsEntry("nvidia.com/gpu", new Quantity("1"));
  }

  @Test
  void cpuNodeIsReadyUntaintedAndHasNoGpu() {
    NodeSpec cpu = NodeSpec.named("cpu-1");
    assertThat(NodeObjects.node(cpu).getSpec().getTaints()).isEmpty();
    NodeStatus status = NodeObjects.status(cpu, NOW);
    assertThat(status.getCapacity()).doesNotContainKey("nvidia.com/gpu").containsKey("pods");
    assertThat(status.getConditions())
        .filteredOn(c -> "Ready".equals(c.getType()))
        .singleElement()
        .satisfies(c -> assertThat(c.getStatus()).isEqualTo("True"));
  }

  @Test
  void leaseIsHeldByTheNodeInKubeNodeLease() {
    var lease = NodeObjects.lease("cpu-1", NOW);
    assertThat(lease.getMetadata().getNamespace()).isEqualTo("kube-node-lease");
    assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("cpu-1");
    assertThat(lease.getSpec().getRenewTime().toInstant()).isEqualTo(NOW);
  }
}
