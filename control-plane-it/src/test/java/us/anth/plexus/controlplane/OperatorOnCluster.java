package us.anth.plexus.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.core.ConditionFactory;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.operator.OperatorConfig;
import us.anth.plexus.operator.PlexusOperator;
import us.anth.plexus.operator.mirror.TaskRecordMirror;
import us.anth.plexus.operator.model.Conditions;
import us.anth.plexus.operator.model.JobNames;

/**
 * The real operator on the real control plane, running under the chart's operator ServiceAccount
 * token and watching one fresh namespace (with the chart's RBAC for it); lookups go through the
 * admin client.
 */
final class OperatorOnCluster implements AutoCloseable {
  final RealCluster cluster;
  final String namespace;
  final KubernetesClient operatorClient;
  final ForbiddenRequests denials = new ForbiddenRequests();
  private final Map<String, String> env;
  private PlexusOperator operator;

  private OperatorOnCluster(RealCluster cluster, String namespace, Map<String, String> env) {
    this.cluster = cluster;
    this.namespace = namespace;
    this.env = env;
    this.operatorClient = cluster.operatorClient(denials);
    startOperator();
  }

  /** A fresh namespace and an operator for it with the default settings. */
  static OperatorOnCluster start(RealCluster cluster) {
    return start(cluster, Map.of());
  }

  /** A fresh namespace and an operator for it with the settings of {@code env}. */
  static OperatorOnCluster start(RealCluster cluster, Map<String, String> env) {
    return new OperatorOnCluster(cluster, cluster.newNamespace(), env);
  }

  void startOperator() {
    OperatorConfig config = OperatorConfig.fromEnv(env).withWatchNamespaces(Set.of(namespace));
    operator = PlexusOperator.create(operatorClient, config, TaskRecordMirror.DISABLED);
    operator.start();
  }

  void stopOperator() {
    operator.stop();
  }

  KubernetesClient admin() {
    return cluster.admin();
  }

  PlexusWorkerPool createPool(PlexusWorkerPool pool) {
    return admin().resource(pool).create();
  }

  PlexusTask createTask(PlexusTask task) {
    task.getMetadata().setNamespace(namespace);
    return admin().resource(task).create();
  }

  PlexusTask task(String name) {
    return admin().resources(PlexusTask.class).inNamespace(namespace).withName(name).get();
  }

  PlexusTaskStatus status(String name) {
    PlexusTask task = task(name);
    return task == null || task.getStatus() == null ? new PlexusTaskStatus() : task.getStatus();
  }

  PlexusTaskStatus awaitPhase(String name, TaskPhase phase) {
    return eventually().until(() -> status(name), s -> s.getPhase() == phase);
  }

  /** Waits until condition Ready carries {@code reason}; returns it. */
  Condition awaitReady(String name, String reason) {
    return eventually()
        .until(
            () -> Conditions.find(status(name).getConditions(), Conditions.READY),
            c -> c.isPresent() && reason.equals(c.get().getReason()))
        .orElseThrow();
  }

  Job jobOf(String taskName) {
    PlexusTask task = task(taskName);
    return task == null
        ? null
        : admin().batch().v1().jobs().inNamespace(namespace).withName(JobNames.forTask(task)).get();
  }

  Job awaitJob(String taskName) {
    return eventually().until(() -> jobOf(taskName), job -> job != null);
  }

  List<Pod> podsOf(Job job) {
    return admin()
        .pods()
        .inNamespace(namespace)
        .withLabel("job-name", job.getMetadata().getName())
        .list()
        .getItems();
  }

  /** Awaitility with room for the real Job controller, scheduler and runner JVMs. */
  static ConditionFactory eventually() {
    return await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions();
  }

  @Override
  public void close() {
    operator.stop();
    operatorClient.close();
  }

  /**
   * Stops the operator and asserts that the API server denied it nothing: it ran under the chart's
   * operator ServiceAccount and Role.
   */
  void closeAssertingNothingDenied() {
    close();
    assertNothingDenied();
  }

  void assertNothingDenied() {
    assertThat(denials.denied()).as("requests RBAC denied to the operator").isEmpty();
  }
}
