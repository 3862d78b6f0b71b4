package us.anth.plexus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.TaskPhase;

/**
 * {@code plexusctl delete} names its user: the task is annotated before it is deleted, so the
 * operator's cleanup writes "Cancelled: PlexusTask deleted by <user>" into the Task record.
 */
class DeleteAttributionIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  @RegisterExtension static final DevStackFixture dev = DevStackFixture.perClass();

  @Test
  void deletingARunningTaskRecordsWhoDeletedIt() {
    assertThat(dev.run("dispatch", "sleep 120", "--type", "deleted-running").exitCode()).isZero();
    PlexusTask task = onlyTaskOfType("deleted-running");
    String name = task.getMetadata().getName();
    String id = task.getSpec().getTaskId();
    await()
        .atMost(TIMEOUT)
        .until(() -> TaskViews.phase(Tasks.reload(dev.stack.client(), task)).equals("Running"));

    DevStackFixture.Run run = dev.run("delete", name, "--force");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("deleted task/" + name);
    Event deleted =
        dev.stack
            .client()
            .v1()
            .events()
            .inNamespace(DevRemote.NAMESPACE)
            .withName(name + ".deleted")
            .get();
    assertThat(deleted)
        .as("the operator's Deleted Event, recorded before the finalizer went")
        .isNotNull();
    assertThat(deleted.getMessage())
        .isEqualTo(
            "Cancelled: PlexusTask deleted by "
                + CliContext.user()
                + " while "
                + TaskPhase.Running
                + "; task record marked FAILED");
    assertThat(dev.records().find(id))
        .as("plexusctl delete removes the record after the operator wrote it")
        .isEmpty();
  }

  @Test
  void annotateSendsOnlyItsKeyAndReportsAMissingTask() {
    assertThat(dev.run("dispatch", "sleep 1", "--type", "annotated").exitCode()).isZero();
    PlexusTask task = onlyTaskOfType("annotated");
    Tasks.annotate(dev.stack.client(), task, "example.com/first", "1");

    assertThat(Tasks.annotate(dev.stack.client(), task, DeleteCommand.DELETED_BY, "dana")).isTrue();

    Map<String, String> annotations =
        Tasks.reload(dev.stack.client(), task).getMetadata().getAnnotations();
    assertThat(annotations)
        .containsEntry("example.com/first", "1")
        .containsEntry("plexus.anth.us/deleted-by", "dana");
    PlexusTask missing = missingTask();
    assertThat(Tasks.annotate(dev.stack.client(), missing, DeleteCommand.DELETED_BY, "dana"))
        .isFalse();
  }

  @Test
  void patchSpecSendsOnlyItsFieldsToAStaleTaskAndReportsAMissingOne() {
    assertThat(dev.run("dispatch", "sleep 1", "--type", "patched").exitCode()).isZero();
    PlexusTask stale = onlyTaskOfType("patched");
    Tasks.annotate(dev.stack.client(), stale, "example.com/newer", "1");

    Tasks.patchSpec(dev.stack.client(), stale, Map.of("approvedBy", "dana"));

    PlexusTask current = Tasks.reload(dev.stack.client(), stale);
    assertThat(current.getSpec().getApprovedBy()).isEqualTo("dana");
    assertThat(current.getSpec().getCommand()).isEqualTo("sleep 1");
    assertThat(current.getMetadata().getAnnotations()).containsEntry("example.com/newer", "1");
    PlexusTask missing = missingTask();
    assertThatThrownBy(() -> Tasks.patchSpec(dev.stack.client(), missing, Map.of("cancel", true)))
        .isInstanceOf(CliException.class)
        .hasMessage(
            "task 'no-such-task' not found in namespace "
                + DevRemote.NAMESPACE
                + " (by name or task id)");
  }

  /** A task that names no task of the dev namespace. */
  private static PlexusTask missingTask() {
    PlexusTask missing = new PlexusTask();
    missing.setMetadata(
        new ObjectMetaBuilder()
            .withNamespace(DevRemote.NAMESPACE)
            .withName("no-such-task")
            .build());
    return missing;
  }

  private static PlexusTask onlyTaskOfType(String type) {
    var found =
        Tasks.list(dev.stack.client(), DevRemote.NAMESPACE).stream()
            .filter(t -> type.equals(t.getSpec().getType()))
            .toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
