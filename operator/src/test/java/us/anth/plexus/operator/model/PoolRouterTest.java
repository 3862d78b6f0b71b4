package us.anth.plexus.operator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static us.anth.plexus.operator.testing.TestPools.pool;
import static us.anth.plexus.operator.testing.TestPools.withPriority;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTaskSpec;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.target.Target;

class PoolRouterTest {
  private static Optional<String> route(String target, String pinned, PlexusWorkerPool... pools) {
    PlexusTaskSpec spec = new PlexusTaskSpec();
    spec.setTarget(target);
    spec.setPool(pinned);
    return PoolRouter.route(spec, Target.parse(target), List.of(pools))
        .map(p -> p.getMetadata().getName());
  }

  @Test
  void exactBeatsSetBeatsWildcard() {
    PlexusWorkerPool wildcard = pool("any", "*/*");
    PlexusWorkerPool set = pool("set", "[datasets,training]/gpu-required");
    PlexusWorkerPool exact = pool("exact", "training/gpu-required");
    assertThat(route("training/gpu-required", null, wildcard, set, exact)).contains("exact");
    assertThat(route("datasets/gpu-required", null, wildcard, set, exact)).contains("set");
    assertThat(route("other/thing", null, wildcard, set, exact)).contains("any");
  }

  @Test
  void moreSpecificDomainWinsOnEqualSums() {
    PlexusWorkerPool domainExact = pool("domain-exact", "training/*");
    PlexusWorkerPool subdomainExact = pool("subdomain-exact", "*/gpu-required");
    assertThat(route("training/gpu-required", null, subdomainExact, domainExact))
        .contains("domain-exact");
  }

  @Test
  void routesPlexusTargetsOfAnyLength() {
    PlexusWorkerPool everything = pool("everything", "*");
    PlexusWorkerPool evaluations = pool("evaluations", "evaluation/**");
    PlexusWorkerPool accuracy = pool("accuracy", "evaluation/accuracy/*");
    PlexusWorkerPool[] pools = {everything, evaluations, accuracy};
    assertThat(route("evaluation", null, pools)).contains("evaluations");
    assertThat(route("evaluation/accuracy/Agent Scorecard", null, pools)).contains("accuracy");
    assertThat(route("evaluation/feedback/x/y", null, pools)).contains("evaluations");
    assertThat(route("report", null, pools)).contains("everything");
    assertThat(route("procedure/run/abc", null, pools)).contains("everything");
  }

  @Test
  void tiesGoToHigherPriorityThenName() {
    PlexusWorkerPool low = withPriority(pool("a-low", "training/*"), 1);
    PlexusWorkerPool high = withPriority(pool("z-high", "training/*"), 5);
    assertThat(route("training/x", null, low, high)).contains("z-high");
    assertThat(route("training/x", null, pool("b", "training/*"), pool("a", "training/*")))
        .contains("a");
  }

  @Test
  void poolsBestPatternCounts() {
    PlexusWorkerPool multi = pool("multi", "*/*", "training/x");
    PlexusWorkerPool domain = withPriority(pool("domain", "training/*"), 100);
    assertThat(route("training/x", null, domain, multi)).contains("multi");
  }

  @Test
  void noMatchIsEmpty() {
    assertThat(route("training/x", null, pool("d", "datasets/*"))).isEmpty();
    assertThat(route("training/x", null)).isEmpty();
  }

  @Test
  void malformedPoolPatternsNeverMatch() {
    assertThat(route("training/x", null, pool("bad", "training/[x"), pool("ok", "*/x")))
        .contains("ok");
  }

  @Test
  void specPoolPinsAPoolEvenWithoutAMatchingPattern() {
    PlexusWorkerPool exact = pool("exact", "training/x");
    PlexusWorkerPool other = pool("other", "datasets/*");
    assertThat(route("training/x", "other", exact, other)).contains("other");
    assertThat(route("training/x", "missing", exact, other)).isEmpty();
  }
}
