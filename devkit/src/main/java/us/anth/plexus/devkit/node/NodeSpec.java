package us.anth.plexus.devkit.node;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One node the {@link NodeAgent} registers: name, labels, taints and extended-resource capacity.
 * {@code cpu-N} is a plain node; {@code gpu-N} carries {@code nvidia.com/gpu.present=true}, the
 * taint {@code nvidia.com/gpu=present:NoSchedule} and one {@code nvidia.com/gpu}.
 */
public record NodeSpec(
    String name,
    Map<String, String> labels,
    List<Taint> taints,
    Map<String, String> extraCapacity) {
  public static final String GPU_RESOURCE = "nvidia.com/gpu";
  public static final String GPU_LABEL = "nvidia.com/gpu.present";
  public static final String ZONE_LABEL = "topology.kubernetes.io/zone";
  public static final String ZONE = "us-east-1a";

  /** A plain node. */
  public static NodeSpec cpu(String name) {
    return new NodeSpec(name, Map.of(ZONE_LABEL, ZONE), List.of(), Map.of());
  }

  /** A GPU node: GPU label, NoSchedule taint, one GPU. */
  public static NodeSpec gpu(String name) {
    Taint taint =
        new TaintBuilder()
            .withKey(GPU_RESOURCE)
            .withValue("present")
            .withEffect("NoSchedule")
            .build();
    return new NodeSpec(
        name,
        Map.of(GPU_LABEL, "true", ZONE_LABEL, ZONE),
        List.of(taint),
        Map.of(GPU_RESOURCE, "1"));
  }

  /** {@code gpu-*} names give GPU nodes, any other name a plain one. */
  public static NodeSpec named(String name) {
    return name.startsWith("gpu") ? gpu(name) : cpu(name);
  }

  /** Comma-separated node names, e.g. {@code cpu-1,gpu-1}. */
  public static List<NodeSpec> parse(String names) {
    return Arrays.stream(names.split(","))
        .map(String::strip)
        .filter(name -> !name.isEmpty())
        .map(NodeSpec::named)
        .toList();
  }
}
