package us.anth.plexus.operator.testing;

import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import java.util.List;
import java.util.Map;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.PlexusWorkerPoolSpec;
import us.anth.plexus.api.risk.RiskLevel;
import us.anth.plexus.api.risk.RiskPolicy;
import us.anth.plexus.api.risk.RiskRule;

/** PlexusWorkerPool fixtures. */
public final class TestPools {
  private TestPools() {}

  /** A plain pool serving the patterns, with an empty command prefix. */
  public static PlexusWorkerPool pool(String name, String... targets) {
    PlexusWorkerPoolSpec spec = new PlexusWorkerPoolSpec();
    spec.setTargets(List.of(targets));
    spec.setCommandPrefix("");
    PlexusWorkerPool pool = new PlexusWorkerPool();
    pool.setMetadata(new ObjectMetaBuilder().withName(name).build());
    pool.setSpec(spec);
    return pool;
  }

  /**
   * A GPU pool: node selector, a toleration, zone affinity, resources, image, env, priority class.
   */
  public static PlexusWorkerPool gpuPool(String name, String... targets) {
    PlexusWorkerPool pool = pool(name, targets);
    PlexusWorkerPoolSpec spec = pool.getSpec();
    spec.setNodeSelector(Map.of("plexus.anth.us/node-pool", "gpu"));
    spec.setTolerations(
        List.of(
            new TolerationBuilder()
                .withKey("nvidia.com/gpu")
                .withOperator("Exists")
                .withEffect("NoSchedule")
                .build()));
    spec.setAffinity(
        new AffinityBuilder()
            .withNewNodeAffinity()
            .withNewRequiredDuringSchedulingIgnoredDuringExecution()
            .addNewNodeSelectorTerm()
            .addNewMatchExpression()
            .withKey("topology.kubernetes.io/zone")
            .withOperator("In")
            .withValues("us-east-1a", "us-east-1b")
            .endMatchExpression()
            .endNodeSelectorTerm()
            .endRequiredDuringSchedulingIgnoredDuringExecution()
            .endNodeAffinity()
            .build());
    spec.setResources(
        new ResourceRequirementsBuilder()
            .withRequests(Map.of("cpu", new Quantity("2"), "memory", new Quantity("8Gi")))
            .withLimits(Map.of("nvidia.com/gpu", new Quantity("1")))
            .build());
    spec.setImage("registry.example/plexus-runner:gpu");
    spec.setServiceAccountName("gpu-runner");
    spec.setPriorityClassName("plexus-high");
    spec.setEnv(List.of(new EnvVar("CUDA_VISIBLE_DEVICES", "0", null)));
    spec.setCommandPrefix("plexus");
    return pool;
  }

  /** The pool with a priority. */
  public static PlexusWorkerPool withPriority(PlexusWorkerPool pool, int priority) {
    pool.getSpec().setPriority(priority);
    return pool;
  }

  /** The pool with a concurrency limit. */
  public static PlexusWorkerPool withLimit(PlexusWorkerPool pool, int limit) {
    pool.getSpec().setConcurrencyLimit(limit);
    return pool;
  }

  /**
   * The pool with risk rules ({@code "pattern=Level"} each), approval from {@code from} and an
   * approval timeout (null: none).
   */
  public static PlexusWorkerPool withRisk(
      PlexusWorkerPool pool, RiskLevel from, Long timeoutSeconds, String... rules) {
    RiskPolicy risk = new RiskPolicy();
    risk.setApprovalRequiredFrom(from);
    risk.setApprovalTimeoutSeconds(timeoutSeconds);
    risk.setRules(
        java.util.Arrays.stream(rules)
            .map(r -> r.split("=", 2))
            .map(r -> new RiskRule(r[0], RiskLevel.valueOf(r[1])))
            .toList());
    pool.getSpec().setRisk(risk);
    return pool;
  }

  /** The pool requiring approval for commands starting with the prefixes (deprecated field). */
  public static PlexusWorkerPool withApproval(PlexusWorkerPool pool, String... prefixes) {
    pool.getSpec().setApprovalRequiredFor(List.of(prefixes));
    return pool;
  }
}
