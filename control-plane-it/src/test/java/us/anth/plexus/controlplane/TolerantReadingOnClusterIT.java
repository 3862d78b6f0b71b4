package us.anth.plexus.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.devkit.EmbeddedKubeApi;
import us.anth.plexus.devkit.cluster.ClusterCrds;
import us.anth.plexus.operator.model.Conditions;
import us.anth.plexus.operator.testing.TestPools;
import us.anth.plexus.operator.testing.TestTasks;

/**
 * Tolerant reading on the real API server. A server with our structural schema prunes unknown
 * fields and rejects wrong types at admission, so the objects the operator must survive only exist
 * under another schema: here the CRDs are replaced by a "newer" version whose spec keeps unknown
 * fields ({@code x-kubernetes-preserve-unknown-fields}, no type checks) — a rollback of the
 * operator under a newer CRD, or objects written before a schema change. The server then stores
 * {@code spec.foo} and {@code timeoutSeconds: "abc"}; the operator and the runner read them through
 * real watches: unknown fields are ignored (that task runs), the wrong type fails that task {@code
 * InvalidSpec} naming the field, an unreadable pool is not Ready, and every other object is
 * reconciled. The generated CRDs are restored afterwards.
 */
class TolerantReadingOnClusterIT {
  private static final ResourceDefinitionContext TASKS = context("plexustasks", "PlexusTask", true);
  private static final ResourceDefinitionContext POOLS =
      context("plexusworkerpools", "PlexusWorkerPool", false);

  @Test
  void objectsOfALooserSchemaFailAloneAndEveryOtherOneRuns() {
    RealCluster cluster = RealCluster.get();
    try (OperatorOnCluster on = OperatorOnCluster.start(cluster)) {
      String ns = on.namespace;
      try {
        EmbeddedKubeApi.CRD_RESOURCES.forEach(resource -> loosen(on, resource));
        on.createPool(TestPools.pool(ns + "-cpu", ns + "/*"));
        // The API server takes a moment to serve a changed schema: retry until it stores "abc".
        OperatorOnCluster.eventually()
            .until(() -> createRaw(on, TASKS, ns, task("bad", ns, "\"timeoutSeconds\":\"abc\"")));
        createRaw(
            on, TASKS, ns, task("unknown", ns, "\"foo\":{\"bar\":1},\"retry\":{\"later\":true}"));
        createRaw(
            on,
            POOLS,
            null,
            "{\"apiVersion\":\"plexus.anth.us/v1alpha1\",\"kind\":\"PlexusWorkerPool\","
                + "\"metadata\":{\"name\":\""
                + ns
                + "-typo\"},\"spec\":{\"targets\":[\""
                + ns
                + "/typo\"],\"concurrencyLimit\":\"two\"}}");
        on.createTask(
            TestTasks.builder().name("good").target(ns + "/work").command("true").buildNew());

        var stored =
            on.admin().genericKubernetesResources(TASKS).inNamespace(ns).withName("unknown").get();
        assertThat(((Map<?, ?>) stored.getAdditionalProperties().get("spec")).get("foo"))
            .as("the server kept the unknown field")
            .isNotNull();
        on.awaitPhase("good", TaskPhase.Succeeded);
        on.awaitPhase("unknown", TaskPhase.Succeeded);
        var bad = on.awaitPhase("bad", TaskPhase.Failed);
        Condition ready = Conditions.find(bad.getConditions(), Conditions.READY).orElseThrow();
        Condition poolReady =
            OperatorOnCluster.eventually().until(() -> poolReady(on, ns + "-typo"), c -> c != null);
        System.out.printf(
            "TolerantReadingOnClusterIT: bad=%s/%s (%s) pool=%s/%s (%s)%n",
            bad.getPhase(),
            ready.getReason(),
            ready.getMessage(),
            poolReady.getStatus(),
            poolReady.getReason(),
            poolReady.getMessage());
        assertThat(ready.getReason()).isEqualTo("InvalidSpec");
        assertThat(ready.getMessage()).startsWith("spec.timeoutSeconds: \"abc\" cannot be read");
        assertThat(on.jobOf("bad")).isNull();
        assertThat(poolReady.getStatus()).isEqualTo("False");
        assertThat(poolReady.getMessage())
            .startsWith("spec.concurrencyLimit: \"two\" cannot be read");
        assertThat(on.denials.count()).isZero();
      } finally {
        on.admin().resources(PlexusTask.class).inNamespace(ns).delete();
        on.admin().resources(PlexusWorkerPool.class).withName(ns + "-typo").delete();
        // The operator's finalizer goes before the schema does: no object of the looser one stays.
        OperatorOnCluster.eventually()
            .until(
                () -> on.admin().resources(PlexusTask.class).inNamespace(ns).list().getItems(),
                java.util.List::isEmpty);
        RealCluster.installCrds(on.admin());
      }
    }
  }

  /** Replaces the CRD's spec schema by one that keeps whatever it is given. */
  private static void loosen(OperatorOnCluster on, String resource) {
    try (InputStream in = TolerantReadingOnClusterIT.class.getResourceAsStream(resource)) {
      CustomResourceDefinition crd =
          on.admin().apiextensions().v1().customResourceDefinitions().load(in).item();
      crd.getSpec()
          .getVersions()
          .forEach(
              version -> {
                JSONSchemaProps root = version.getSchema().getOpenAPIV3Schema();
                root.getProperties()
                    .put(
                        "spec",
                        new JSONSchemaPropsBuilder()
                            .withType("object")
                            .withXKubernetesPreserveUnknownFields(true)
                            .build());
              });
      ClusterCrds.apply(on.admin(), crd);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String task(String name, String ns, String extraSpec) {
    return "{\"apiVersion\":\"plexus.anth.us/v1alpha1\",\"kind\":\"PlexusTask\",\"metadata\":{"
        + "\"name\":\""
        + name
        + "\"},\"spec\":{\"accountId\":\"a\",\"type\":\"demo\",\"command\":\"true\","
        + "\"target\":\""
        + ns
        + "/work\",\"cancel\":false,\"dryRun\":false,"
        + extraSpec
        + "}}";
  }

  private static boolean createRaw(
      OperatorOnCluster on, ResourceDefinitionContext context, String ns, String json) {
    var resources = on.admin().genericKubernetesResources(context);
    GenericKubernetesResource object =
        Serialization.unmarshal(json, GenericKubernetesResource.class);
    (ns == null ? resources.resource(object) : resources.inNamespace(ns).resource(object)).create();
    return true;
  }

  private static Condition poolReady(OperatorOnCluster on, String name) {
    PlexusWorkerPool pool = on.admin().resources(PlexusWorkerPool.class).withName(name).get();
    return pool == null || pool.getStatus() == null
        ? null
        : Conditions.find(pool.getStatus().getConditions(), Conditions.READY).orElse(null);
  }

  private static ResourceDefinitionContext context(String plural, String kind, boolean namespaced) {
    return new ResourceDefinitionContext.Builder()
        .withGroup("plexus.anth.us")
        .withVersion("v1alpha1")
        .withPlural(plural)
        .withKind(kind)
        .withNamespaced(namespaced)
        .build();
  }
}
