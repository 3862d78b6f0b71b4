package us.anth.plexus.runner;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.UUID;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskSpec;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.StageDeclaration;
import us.anth.plexus.devkit.EmbeddedDynamo;
import us.anth.plexus.store.NewTask;
import us.anth.plexus.store.TaskStores;

/** Creates PlexusTasks in random namespaces for runner tests. */
public final class TestTasks {
  private TestTasks() {}

  public static String randomNamespace() {
    return "runner-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Creates a task running {@code command}, with the given declared stages. */
  public static PlexusTask create(
      KubernetesClient client, String namespace, String command, List<StageDeclaration> stages) {
    PlexusTask task = new PlexusTask();
    task.setMetadata(new ObjectMetaBuilder().withName("task-1").withNamespace(namespace).build());
    PlexusTaskSpec spec = new PlexusTaskSpec();
    spec.setTaskId("task-id-1");
    spec.setAccountId("acct");
    spec.setType("demo");
    spec.setTarget("runner/test");
    spec.setCommand(command);
    spec.setStages(stages.isEmpty() ? null : stages);
    task.setSpec(spec);
    return client.resource(task).create();
  }

  /**
   * Writes operator-owned status fields, which the runner must leave alone, and runner fields of a
   * previous failed attempt, which a new run must clear.
   */
  /** The demo command with its three declared stages (Processing: 200 items). */
  public static PlexusTask demo(KubernetesClient client) {
    return create(
        client,
        randomNamespace(),
        "plexus-runner demo --items 200 --seconds 2",
        List.of(
            new StageDeclaration("Initialization", 1, null),
            new StageDeclaration("Processing", 2, 200L),
            new StageDeclaration("Finalizing", 3, null)));
  }

  public static void setOperatorFields(KubernetesClient client, PlexusTask task) {
    PlexusTaskStatus status = new PlexusTaskStatus();
    status.setPhase(us.anth.plexus.api.TaskPhase.Running);
    status.setJobName("job-of-task-1");
    status.setPool("default");
    status.setExitCode(3);
    status.setErrorDetails("stale details of a previous attempt");
    client.resource(statusPatch(task, status)).patchStatus();
  }

  /** Writes status.errorMessage as the operator does (e.g. on cancel). */
  public static void setErrorMessage(KubernetesClient client, PlexusTask task, String message) {
    PlexusTaskStatus status = new PlexusTaskStatus();
    status.setErrorMessage(message);
    client.resource(statusPatch(task, status)).patchStatus();
  }

  private static PlexusTask statusPatch(PlexusTask task, PlexusTaskStatus status) {
    PlexusTask patch = new PlexusTask();
    patch.setMetadata(
        new ObjectMetaBuilder()
            .withName(task.getMetadata().getName())
            .withNamespace(task.getMetadata().getNamespace())
            .build());
    patch.setStatus(status);
    return patch;
  }

  /** Stores on {@code dynamo} holding the dashboard's Task record of {@code task} (PENDING). */
  public static TaskStores withTaskRecord(EmbeddedDynamo dynamo, PlexusTask task) {
    TaskStores stores = TaskStores.on(dynamo.client(), dynamo.settings());
    PlexusTaskSpec spec = task.getSpec();
    stores
        .tasks()
        .createTask(
            spec.getTaskId(),
            NewTask.of(spec.getAccountId(), spec.getType(), spec.getTarget(), spec.getCommand()));
    return stores;
  }

  public static PlexusTaskStatus status(KubernetesClient client, PlexusTask task) {
    PlexusTask read =
        client
            .resources(PlexusTask.class)
            .inNamespace(task.getMetadata().getNamespace())
            .withName(task.getMetadata().getName())
            .get();
    return read.getStatus() == null ? new PlexusTaskStatus() : read.getStatus();
  }
}
