package us.anth.plexus.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.operator.testing.TestTasks;

/**
 * The chart's runner Role enforced by a real RBAC authorizer: a runner token may read its
 * namespace's tasks and patch their status, and nothing else — not their spec, not a new task, not
 * another namespace's tasks. (The mock has no authorizer at all.)
 */
class RunnerRbacIT {
  private static final String STATUS_PATCH = "{\"status\":{\"progress\":\"1/2\"}}";

  @Test
  void runnerTokenPatchesItsOwnNamespacesTaskStatusAndNothingElse() {
    RealCluster cluster = RealCluster.get();
    String own = cluster.newNamespace();
    String other = cluster.newNamespace();
    PlexusTask mine =
        cluster
            .admin()
            .resource(TestTasks.builder().namespace(own).target("a/b").buildNew())
            .create();
    PlexusTask theirs =
        cluster
            .admin()
            .resource(TestTasks.builder().namespace(other).target("a/b").buildNew())
            .create();

    ForbiddenRequests denials = new ForbiddenRequests();
    try (KubernetesClient runner = cluster.clientFor(own, ChartRbac.RUNNER_ACCOUNT, denials)) {
      assertThat(task(runner, mine).get()).isNotNull();
      PlexusTask patched =
          task(runner, mine)
              .subresource("status")
              .patch(PatchContext.of(PatchType.JSON_MERGE), STATUS_PATCH);
      assertThat(patched.getStatus().getProgress()).isEqualTo("1/2");
      assertThat(denials.denied()).isEmpty();

      assertForbidden(
          () ->
              task(runner, theirs)
                  .subresource("status")
                  .patch(PatchContext.of(PatchType.JSON_MERGE), STATUS_PATCH));
      assertForbidden(() -> task(runner, theirs).get());
      assertForbidden(
          () ->
              task(runner, mine)
                  .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"cancel\":true}}"));
      assertForbidden(
          () ->
              runner
                  .resource(TestTasks.builder().namespace(own).target("a/b").buildNew())
                  .create());
      assertForbidden(() -> runner.secrets().inNamespace(own).list());
      assertThat(denials.denied()).hasSize(5);
    }
  }

  private static io.fabric8.kubernetes.client.dsl.Resource<PlexusTask> task(
      KubernetesClient client, PlexusTask task) {
    return client
        .resources(PlexusTask.class)
        .inNamespace(task.getMetadata().getNamespace())
        .withName(task.getMetadata().getName());
  }

  private static void assertForbidden(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOf(KubernetesClientException.class)
        .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(403));
  }
}
