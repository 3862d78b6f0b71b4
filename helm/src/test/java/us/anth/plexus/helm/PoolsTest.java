package us.anth.plexus.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.PlexusWorkerPoolSpec;
import us.anth.plexus.api.target.Target;
import us.anth.plexus.api.target.TargetPattern;

class PoolsTest {
  @Test
  void defaultPoolServesEveryTarget() {
    List<PlexusWorkerPool> pools = Chart.render().all(PlexusWorkerPool.class);
    assertThat(pools).extracting(p -> p.getMetadata().getName()).containsExactly("default");
    assertThat(patterns(pools.get(0)))
        .allSatisfy(p -> assertThat(p.matches(Target.parse("evaluations/accuracy"))).isTrue());
  }

  @Test
  void everyPoolIsAValidPlexusWorkerPoolWithParseableTargets() {
    List<PlexusWorkerPool> pools = Chart.render("values-full.yaml").all(PlexusWorkerPool.class);
    assertThat(pools).extracting(p -> p.getMetadata().getName()).containsExactly("cpu", "gpu");
    for (PlexusWorkerPool pool : pools) {
      assertThat(pool.getApiVersion()).isEqualTo("plexus.anth.us/v1alpha1");
      assertThat(pool.getMetadata().getNamespace()).as("pools are cluster-scoped").isNull();
      assertThat(patterns(pool)).isNotEmpty();
    }
  }

  @Test
  void gpuPoolCarriesGpuResourcesTolerationsAndNodeSelector() {
    PlexusWorkerPool gpu = Chart.render("values-full.yaml").one(PlexusWorkerPool.class, "gpu");
    PlexusWorkerPoolSpec spec = gpu.getSpec();
    assertThat(patterns(gpu))
        .anySatisfy(p -> assertThat(p.matches(Target.parse("training/gpu-required"))).isTrue());
    assertThat(spec.getResources().getLimits()).containsEntry("nvidia.com/gpu", new Quantity("1"));
    assertThat(spec.getTolerations())
        .containsExactly(new Toleration("NoSchedule", "nvidia.com/gpu", "Exists", null, null));
    assertThat(spec.getNodeSelector())
        .isEqualTo(Map.of("node.kubernetes.io/instance-type", "g5.xlarge"));
    assertThat(spec.getAffinity().getNodeAffinity()).isNotNull();
    assertThat(spec.getImage()).isEqualTo("registry.example.com/plexus/runner-cuda:2.0.0");
    assertThat(spec.getServiceAccountName()).isEqualTo("plexus-gpu-runner");
    assertThat(spec.getEnv()).extracting("name").containsExactly("CUDA_VISIBLE_DEVICES");
    assertThat(spec.getPriorityClassName()).isEqualTo("plexus-gpu");
    assertThat(spec.getConcurrencyLimit()).isEqualTo(2);
    assertThat(spec.getPriority()).isEqualTo(10);
    assertThat(spec.getApprovalRequiredFor()).containsExactly("training run");
  }

  @Test
  void aPoolCarriesItsOwnSecurityContexts() {
    PlexusWorkerPoolSpec spec =
        Chart.render("values-pool-security.yaml").one(PlexusWorkerPool.class, "legacy").getSpec();
    assertThat(spec.getPodSecurityContext().getRunAsUser()).isEqualTo(1000L);
    assertThat(spec.getPodSecurityContext().getFsGroup()).isEqualTo(2000L);
    assertThat(spec.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(spec.readProblems().unreadable()).isEmpty();
    assertThat(spec.readProblems().unknown()).isEmpty();
  }

  @Test
  void gpuPatternIsMoreSpecificThanTheCatchAll() {
    RenderedChart chart = Chart.render("values-full.yaml");
    TargetPattern gpu = patterns(chart.one(PlexusWorkerPool.class, "gpu")).get(0);
    TargetPattern any = patterns(chart.one(PlexusWorkerPool.class, "cpu")).get(0);
    assertThat(any.matches(Target.parse("training/gpu-required"))).isTrue();
    assertThat(TargetPattern.SPECIFICITY.compare(gpu, any)).isPositive();
  }

  static List<TargetPattern> patterns(PlexusWorkerPool pool) {
    return pool.getSpec().getTargets().stream().map(TargetPattern::parse).toList();
  }
}
