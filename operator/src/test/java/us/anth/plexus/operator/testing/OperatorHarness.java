package us.anth.plexus.operator.testing;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.core.ConditionFactory;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.devkit.EmbeddedKubeApi;
import us.anth.plexus.operator.OperatorConfig;
import us.anth.plexus.operator.PlexusOperator;
import us.anth.plexus.operator.mirror.TaskRecordMirror;
import us.anth.plexus.operator.model.JobNames;

/**
 * An embedded Kubernetes API with the real operator running against it, plus the lookups the
 * integration tests need. Each test works in its own random namespace and target domain.
 */
public final class OperatorHarness implements AutoCloseable {
  private final EmbeddedKubeApi api;
  private final OperatorConfig config;
  private final TaskRecordMirror mirror;
  private PlexusOperator operator;

  private OperatorHarness(OperatorConfig config, TaskRecordMirror mirror) {
    this.api = EmbeddedKubeApi.start();
    this.config = config;
    this.mirror = mirror;
    startOperator();
  }

  /** An API server with a started operator using the default config and no mirror. */
  public static OperatorHarness start() {
    return start(OperatorConfig.defaults(), TaskRecordMirror.DISABLED);
  }

  public static OperatorHarness start(OperatorConfig config, TaskRecordMirror mirror) {
    return new OperatorHarness(config, mirror);
  }

  public KubernetesClient client() {
    return api.client();
  }

  /** The embedded API server (its kubeconfig and pod logs, for a local job executor). */
  public EmbeddedKubeApi api() {
    return api;
  }

  public PlexusOperator operator() {
    return operator;
  }

  /** Stops the running operator and starts a fresh one on the same API server. */
  public void restartOperator() {
    operator.stop();
    startOperator();
  }

  private void startOperator() {
    operator = PlexusOperator.create(api.client(), config, mirror);
    operator.start();
  }

  /** A fresh namespace, e.g. {@code it-1a2b3c4d}; also usable as a unique target domain. */
  public String newNamespace() {
    String name = "it-" + UUID.randomUUID().toString().substring(0, 8);
    client()
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    return name;
  }

  public PlexusWorkerPool createPool(PlexusWorkerPool pool) {
    return client().resources(PlexusWorkerPool.class).resource(pool).create();
  }

  public PlexusTask createTask(PlexusTask task) {
    return client().resources(PlexusTask.class).resource(task).create();
  }

  public PlexusTask task(String namespace, String name) {
    return client().resources(PlexusTask.class).inNamespace(namespace).withName(name).get();
  }

  /** The task's status, never null. */
  public PlexusTaskStatus status(String namespace, String name) {
    PlexusTask task = task(namespace, name);
    return task == null || task.getStatus() == null ? new PlexusTaskStatus() : task.getStatus();
  }

  /** Merge-patches the task's spec, as kubectl patch --type merge would. */
  public void patchSpec(String namespace, String name, Map<String, Object> fields) {
    client()
        .resources(PlexusTask.class)
        .inNamespace(namespace)
        .withName(name)
        .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(Map.of("spec", fields)));
  }

  /** Merge-patches runner-owned status fields, as the runner does (null fields are omitted). */
  public void patchRunnerStatus(String namespace, String name, PlexusTaskStatus runnerFields) {
    PlexusTask patch = new PlexusTask();
    patch.getMetadata().setNamespace(namespace);
    patch.getMetadata().setName(name);
    patch.setStatus(runnerFields);
    client().resources(PlexusTask.class).inNamespace(namespace).withName(name).patchStatus(patch);
  }

  /** The task's Job (by its deterministic name), or null. */
  public Job jobOf(String namespace, String taskName) {
    PlexusTask task = task(namespace, taskName);
    return task == null
        ? null
        : client()
            .batch()
            .v1()
            .jobs()
            .inNamespace(namespace)
            .withName(JobNames.forTask(task))
            .get();
  }

  public List<Job> jobs(String namespace) {
    return client().batch().v1().jobs().inNamespace(namespace).list().getItems();
  }

  public List<Event> events(String namespace) {
    return client().v1().events().inNamespace(namespace).list().getItems();
  }

  /** Awaitility with the suite's timeout (30 s) and a short poll interval. */
  public static ConditionFactory eventually() {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .ignoreExceptions();
  }

  @Override
  public void close() {
    operator.stop();
    api.close();
  }
}
