package us.anth.plexus.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static us.anth.plexus.operator.testing.OperatorHarness.eventually;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.operator.model.Conditions;
import us.anth.plexus.operator.testing.OperatorHarness;
import us.anth.plexus.operator.testing.TestPools;
import us.anth.plexus.operator.testing.TestTasks;

/**
 * Raw JSON the model cannot fully read (unknown fields, wrong types) fed to the running operator:
 * that object alone is reported, every other object keeps being reconciled.
 */
class TolerantReadingIT {
  private static final ResourceDefinitionContext TASKS = context("plexustasks", "PlexusTask", true);
  private static final ResourceDefinitionContext POOLS =
      context("plexusworkerpools", "PlexusWorkerPool", false);
  private static OperatorHarness harness;

  @BeforeAll
  static void start() {
    harness = OperatorHarness.start();
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void wrongTypeFailsThatTaskNamingTheFieldAndUnknownFieldsAreIgnored() {
    String ns = harness.newNamespace();
    harness.createPool(TestPools.pool(ns, ns + "/x"));
    createTask(ns, "bad", ns + "/x", "\"timeoutSeconds\":\"abc\",\"foo\":1");
    createTask(ns, "unknown", ns + "/x", "\"foo\":{\"bar\":1},\"retry\":{\"later\":true}");
    harness.createTask(TestTasks.builder().namespace(ns).name("good").target(ns + "/x").buildNew());

    eventually().untilAsserted(() -> assertThat(harness.jobOf(ns, "good")).isNotNull());
    eventually().untilAsserted(() -> assertThat(harness.jobOf(ns, "unknown")).isNotNull());
    eventually()
        .untilAsserted(
            () -> assertThat(harness.status(ns, "bad").getPhase()).isEqualTo(TaskPhase.Failed));
    var ready =
        Conditions.find(harness.status(ns, "bad").getConditions(), Conditions.READY).orElseThrow();
    assertThat(ready.getReason()).isEqualTo("InvalidSpec");
    assertThat(ready.getMessage()).startsWith("spec.timeoutSeconds: \"abc\" cannot be read");
    assertThat(harness.jobOf(ns, "bad")).isNull();
    assertThat(harness.operator().isReady()).isTrue();
  }

  @Test
  void unreadableOrBadPatternPoolIsNotReadyAndGetsNoTasks() {
    String ns = harness.newNamespace();
    createPool(ns + "-typo", "\"targets\":[\"" + ns + "/x\"],\"concurrencyLimit\":\"two\"");
    createPool(ns + "-pattern", "\"targets\":[\"" + ns + "//x\"]");
    harness.createTask(TestTasks.builder().namespace(ns).name("t").target(ns + "/x").buildNew());

    eventually()
        .untilAsserted(
            () -> {
              assertThat(poolReady(ns + "-typo").getMessage())
                  .startsWith("spec.concurrencyLimit: \"two\" cannot be read");
              assertThat(poolReady(ns + "-pattern").getMessage())
                  .contains("every target pattern must be '/'-separated segments")
                  .contains("spec.targets[0]: target pattern '" + ns + "//x'");
              assertThat(poolReady(ns + "-pattern").getStatus()).isEqualTo("False");
            });
    eventually()
        .untilAsserted(
            () ->
                assertThat(harness.events("default"))
                    .filteredOn(e -> e.getInvolvedObject().getName().equals(ns + "-pattern"))
                    .extracting(Event::getType, Event::getReason)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Warning", "InvalidSpec")));
    eventually()
        .untilAsserted(
            () ->
                assertThat(
                        Conditions.find(
                                harness.status(ns, "t").getConditions(), Conditions.SCHEDULED)
                            .orElseThrow()
                            .getReason())
                    .isEqualTo("NoMatchingPool"));
    assertThat(harness.jobOf(ns, "t")).isNull();
  }

  private static Condition poolReady(String name) {
    PlexusWorkerPool pool = harness.client().resources(PlexusWorkerPool.class).withName(name).get();
    return Conditions.find(pool.getStatus().getConditions(), Conditions.READY).orElseThrow();
  }

  private static void createTask(String ns, String name, String target, String extraSpec) {
    String json =
        "{\"apiVersion\":\"plexus.anth.us/v1alpha1\",\"kind\":\"PlexusTask\",\"metadata\":{"
            + "\"name\":\""
            + name
            + "\"},\"spec\":{\"accountId\":\"a\",\"type\":\"demo\",\"command\":\"demo\","
            + "\"target\":\""
            + target
            + "\","
            + extraSpec
            + "}}";
    harness
        .client()
        .genericKubernetesResources(TASKS)
        .inNamespace(ns)
        .resource(Serialization.unmarshal(json, GenericKubernetesResource.class))
        .create();
  }

  private static void createPool(String name, String spec) {
    String json =
        "{\"apiVersion\":\"plexus.anth.us/v1alpha1\",\"kind\":\"PlexusWorkerPool\",\"metadata\":{"
            + "\"name\":\""
            + name
            + "\"},\"spec\":{"
            + spec
            + "}}";
    harness
        .client()
        .genericKubernetesResources(POOLS)
        .resource(Serialization.unmarshal(json, GenericKubernetesResource.class))
        .create();
  }

  private static ResourceDefinitionContext context(String plural, String kind, boolean namespaced) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(PlexusTask.GROUP)
        .withVersion(PlexusTask.VERSION)
        .withPlural(plural)
        .withKind(kind)
        .withNamespaced(namespaced)
        .build();
  }
}
