package us.anth.plexus.operator.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.devkit.EmbeddedDynamo;
import us.anth.plexus.devkit.EmbeddedKubeApi;
import us.anth.plexus.operator.OperatorConfig;
import us.anth.plexus.operator.PlexusOperator;
import us.anth.plexus.operator.mirror.TaskRecordMirrors;
import us.anth.plexus.operator.model.JobStates;
import us.anth.plexus.operator.testing.JobControllerSimulator;
import us.anth.plexus.operator.testing.TestPools;
import us.anth.plexus.operator.testing.TestTasks;
import us.anth.plexus.store.NewTask;
import us.anth.plexus.store.TaskRecordStore;

/**
 * 200 tasks flow while the API answers 409 to a share of the operator's status patches and 500 to a
 * share of its Job creates (half of them after storing the Job): every task still ends with exactly
 * one Job and Succeeded, in its status and in DynamoDB. Prints its counts.
 */
class ApiFaultIT {
  private static final String OPERATOR_AGENT = "plexus-operator-under-faults";
  private static final int TASKS = 200;
  private static final double SHARE = 0.15;

  @Test
  void conflictsAndServerErrorsLoseAndDuplicateNothing() throws Exception {
    AtomicReference<FaultInjectingDispatcher> faults = new AtomicReference<>();
    try (EmbeddedDynamo dynamo = EmbeddedDynamo.start();
        EmbeddedKubeApi api =
            EmbeddedKubeApi.start(
                0,
                d -> {
                  faults.set(new FaultInjectingDispatcher(d, OPERATOR_AGENT, SHARE));
                  return faults.get();
                });
        KubernetesClient operatorClient =
            new KubernetesClientBuilder()
                .withConfig(
                    new ConfigBuilder()
                        .withMasterUrl(api.url())
                        .withUserAgent(OPERATOR_AGENT)
                        .withNamespace("default")
                        .build())
                .build()) {
      KubernetesClient client = api.client();
      TaskRecordStore records = new TaskRecordStore(dynamo.client(), dynamo.settings());
      PlexusOperator operator =
          PlexusOperator.create(
              operatorClient,
              OperatorConfig.defaults(),
              TaskRecordMirrors.fromSettings(dynamo.settings()));
      operator.start();
      ScheduledExecutorService jobController = Executors.newSingleThreadScheduledExecutor();
      try {
        String ns = "faults";
        client
            .namespaces()
            .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
            .create();
        client
            .resources(us.anth.plexus.api.PlexusWorkerPool.class)
            .resource(TestPools.pool("faults", ns + "/*"))
            .create();
        JobControllerSimulator simulator = new JobControllerSimulator(client);
        Set<String> completed = new HashSet<>();
        jobController.scheduleWithFixedDelay(
            () -> completeNewJobs(client, ns, simulator, completed),
            200,
            200,
            TimeUnit.MILLISECONDS);
        List<String> ids = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < TASKS; i++) {
          String taskId = UUID.randomUUID().toString();
          records.createTask(taskId, NewTask.of("acct-1", "demo", ns + "/x", "demo"));
          client
              .resources(PlexusTask.class)
              .resource(
                  TestTasks.builder()
                      .namespace(ns)
                      .name("t-" + i)
                      .target(ns + "/x")
                      .taskId(taskId)
                      .buildNew())
              .create();
          ids.add(taskId);
        }

        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline
            && (lostInStatus(client, ns) > 0 || lostInDynamo(records, ids) > 0)) {
          Thread.sleep(1000);
        }

        List<Job> jobs = client.batch().v1().jobs().inNamespace(ns).list().getItems();
        Map<String, java.util.concurrent.atomic.AtomicInteger> stored = faults.get().jobsStored;
        int duplicates =
            stored.values().stream().mapToInt(c -> Math.max(0, c.get() - 1)).sum()
                + Math.max(0, jobs.size() - TASKS);
        int losses = lostInStatus(client, ns) + lostInDynamo(records, ids);
        System.out.printf(
            "ApiFaultIT: tasks=%d jobs=%d jobCreatesStored=%d injected409=%d injected500before=%d"
                + " injected500after=%d duplicates=%d losses=%d seconds=%d%n",
            TASKS,
            jobs.size(),
            stored.values().stream().mapToInt(java.util.concurrent.atomic.AtomicInteger::get).sum(),
            faults.get().conflicts.get(),
            faults.get().failedBeforeCreate.get(),
            faults.get().failedAfterCreate.get(),
            duplicates,
            losses,
            Duration.ofNanos(System.nanoTime() - started).toSeconds());
        assertThat(faults.get().conflicts.get()).isPositive();
        assertThat(faults.get().failedAfterCreate.get()).isPositive();
        assertThat(jobs).hasSize(TASKS);
        assertThat(duplicates).isZero();
        assertThat(losses).isZero();
      } finally {
        jobController.shutdownNow();
        operator.stop();
      }
    }
  }

  private static void completeNewJobs(
      KubernetesClient client, String ns, JobControllerSimulator simulator, Set<String> done) {
    try {
      for (Job job : client.batch().v1().jobs().inNamespace(ns).list().getItems()) {
        String name = job.getMetadata().getName();
        if (!JobStates.isFinished(job) && !done.contains(name)) {
          simulator.complete(job);
          done.add(name);
        }
      }
    } catch (RuntimeException e) {
      // the next round tries again
    }
  }

  private static int lostInStatus(KubernetesClient client, String ns) {
    return (int)
        client.resources(PlexusTask.class).inNamespace(ns).list().getItems().stream()
            .filter(t -> t.getStatus() == null || t.getStatus().getPhase() != TaskPhase.Succeeded)
            .count();
  }

  private static int lostInDynamo(TaskRecordStore records, List<String> ids) {
    return (int)
        ids.stream()
            .filter(id -> !records.find(id).map(r -> "COMPLETED".equals(r.status())).orElse(false))
            .count();
  }
}
