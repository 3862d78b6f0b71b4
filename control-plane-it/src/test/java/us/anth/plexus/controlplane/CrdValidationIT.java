package us.anth.plexus.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.devkit.cluster.ClusterCrds;
import us.anth.plexus.operator.testing.TestTasks;

/**
 * What only a real API server shows about the generated CRDs: they install (structural schema, CEL
 * rules within the cost budget), defaults are applied, and every invalid spec they are meant to
 * reject is rejected with a readable message. fabric8's mock accepts all of these.
 */
class CrdValidationIT {
  private static RealCluster cluster;
  private static String namespace;

  @BeforeAll
  static void cluster() {
    cluster = RealCluster.get();
    namespace = cluster.newNamespace();
  }

  @Test
  void generatedCrdsAreEstablishedWithStructuralSchemasAndAcceptedCelRules() {
    for (String name :
        new String[] {"plexustasks.plexus.anth.us", "plexusworkerpools.plexus.anth.us"}) {
      CustomResourceDefinition crd =
          cluster.admin().apiextensions().v1().customResourceDefinitions().withName(name).get();
      assertThat(ClusterCrds.established(crd)).as(name + " Established").isTrue();
      assertThat(crd.getStatus().getConditions())
          .as(name + " conditions")
          .noneMatch(
              c -> "NonStructuralSchema".equals(c.getType()) && "True".equals(c.getStatus()));
      assertThat(crd.getStatus().getAcceptedNames().getKind()).isNotBlank();
    }
  }

  @Test
  void serverAppliesSchemaDefaults() {
    PlexusTask noTarget = TestTasks.builder().namespace(namespace).buildNew();
    noTarget.getSpec().setTarget(null);
    PlexusTask created = cluster.admin().resource(noTarget).create();
    assertThat(created.getSpec().getTarget()).isEqualTo("default/command");
    assertThat(created.getSpec().getCancel()).isFalse();
    assertThat(created.getSpec().getDryRun()).isFalse();
    assertThat(created.getMetadata().getGeneration()).isEqualTo(1L);
  }

  @Test
  void invalidSpecsAreRejectedOnCreateWithReadableMessages() {
    assertRejected(TestTasks.builder().target("bell\u0007in/target").buildNew(), "spec.target");
    assertRejected(TestTasks.builder().target("a/" + "x".repeat(1023)).buildNew(), "spec.target");
    assertRejected(TestTasks.builder().target("a/b").command("").buildNew(), "spec.command");
    assertRejected(TestTasks.builder().target("a/b").retry(21).buildNew(), "spec.retry.maxRetries");
    PlexusTask zeroTimeout = TestTasks.builder().target("a/b").buildNew();
    zeroTimeout.getSpec().setTimeoutSeconds(0L);
    assertRejected(zeroTimeout, "spec.timeoutSeconds");
    PlexusTask noAccount = TestTasks.builder().target("a/b").buildNew();
    noAccount.getSpec().setAccountId(null);
    assertRejected(noAccount, "accountId and type are required when taskId is empty");
  }

  @Test
  void celRulesRejectImmutableCommandAndUncancel() {
    PlexusTask task =
        cluster.admin().resource(TestTasks.builder().namespace(namespace).buildNew()).create();
    String name = task.getMetadata().getName();

    assertThatThrownBy(() -> patchSpec(name, Map.of("command", "other --thing")))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("command and target are immutable; create a new task instead");

    patchSpec(name, Map.of("cancel", true));
    assertThatThrownBy(() -> patchSpec(name, Map.of("cancel", false)))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("a cancelled task cannot be un-cancelled");

    patchSpec(name, Map.of("taskId", "t-1"));
    assertThatThrownBy(() -> patchSpec(name, Map.of("taskId", "t-2")))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("taskId is immutable once set");
  }

  private static void patchSpec(String name, Map<String, Object> fields) {
    cluster
        .admin()
        .resources(PlexusTask.class)
        .inNamespace(namespace)
        .withName(name)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            io.fabric8.kubernetes.client.utils.Serialization.asJson(Map.of("spec", fields)));
  }

  private static void assertRejected(PlexusTask task, String field) {
    task.getMetadata().setNamespace(namespace);
    assertThatThrownBy(() -> cluster.admin().resource(task).create())
        .isInstanceOf(KubernetesClientException.class)
        .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(422))
        .hasMessageContaining(field);
  }
}
