package us.anth.plexus.controlplane;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.operator.testing.TestTasks;
import us.anth.plexus.store.NewTask;
import us.anth.plexus.store.TaskRecordStore;

/**
 * The tasks a fault suite created (each with its DynamoDB Task record) and the count of what became
 * of them: Jobs and pods per task, duplicates (a second Job of a task, or a second pod of a Job
 * whose first pod succeeded) and losses (a task not Succeeded in its status, or a record not
 * COMPLETED).
 */
final class TaskLedger {
  private final KubernetesClient admin;
  private final TaskRecordStore records;
  private final String namespace;
  private final List<String> taskIds = new CopyOnWriteArrayList<>();
  private final Map<String, String> idsByName = new java.util.concurrent.ConcurrentHashMap<>();

  TaskLedger(KubernetesClient admin, TaskRecordStore records, String namespace) {
    this.admin = admin;
    this.records = records;
    this.namespace = namespace;
  }

  /** Writes the Task record (as the dashboard does), then the PlexusTask that runs it. */
  void create(String name, String target) {
    createRecord(name, target);
    createTask(name, target);
  }

  /** Writes the Task record of a task {@link #createTask} creates later. */
  void createRecord(String name, String target) {
    String taskId = UUID.randomUUID().toString();
    records.createTask(taskId, NewTask.of("acct-1", "fault", target, "true"));
    idsByName.put(name, taskId);
  }

  /** Creates the PlexusTask of a recorded task. */
  void createTask(String name, String target) {
    String taskId = idsByName.get(name);
    admin
        .resources(PlexusTask.class)
        .resource(
            TestTasks.builder()
                .namespace(namespace)
                .name(name)
                .target(target)
                .command("true")
                .taskId(taskId)
                .buildNew())
        .create();
    taskIds.add(taskId);
  }

  /** Tasks Succeeded in their status whose record is not COMPLETED yet. */
  int succeededNotRecorded() {
    return (int)
        admin.resources(PlexusTask.class).inNamespace(namespace).list().getItems().stream()
            .filter(t -> t.getStatus() != null && t.getStatus().getPhase() == TaskPhase.Succeeded)
            .filter(
                t ->
                    !records
                        .find(t.getSpec().getTaskId())
                        .map(r -> "COMPLETED".equals(r.status()))
                        .orElse(false))
            .count();
  }

  int created() {
    return taskIds.size();
  }

  /** Jobs in the namespace now. */
  int jobs() {
    return admin.batch().v1().jobs().inNamespace(namespace).list().getItems().size();
  }

  /** Tasks not yet final in their status or their record. */
  int unfinished() {
    Counts counts = count();
    return counts.lostInStatus() + counts.lostInDynamo();
  }

  /** Waits until every task is final in its status and its record, or {@code timeout} passed. */
  void awaitFinished(java.time.Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && unfinished() > 0) {
      Thread.sleep(2000);
    }
  }

  /** Counts of what became of every created task. */
  Counts count() {
    List<PlexusTask> tasks =
        admin.resources(PlexusTask.class).inNamespace(namespace).list().getItems();
    List<Job> jobs = admin.batch().v1().jobs().inNamespace(namespace).list().getItems();
    Map<String, Long> podsByJob =
        countBy(admin.pods().inNamespace(namespace).list().getItems(), TaskLedger::jobOf);
    Map<String, Long> jobsByTask = countBy(jobs, TaskLedger::ownerUid);
    int extraJobs = jobsByTask.values().stream().mapToInt(n -> (int) (n - 1)).sum();
    int extraPods = podsByJob.values().stream().mapToInt(n -> (int) Math.max(0, n - 1)).sum();
    int pods = podsByJob.values().stream().mapToInt(Long::intValue).sum();
    int withoutJob =
        (int) tasks.stream().filter(t -> !jobsByTask.containsKey(t.getMetadata().getUid())).count();
    int notOneAttempt =
        (int)
            tasks.stream()
                .filter(
                    t ->
                        t.getStatus() == null
                            || !Integer.valueOf(1).equals(t.getStatus().getAttempts()))
                .count();
    int lostInStatus =
        (int)
                tasks.stream()
                    .filter(
                        t ->
                            t.getStatus() == null
                                || t.getStatus().getPhase() != TaskPhase.Succeeded)
                    .count()
            + Math.max(0, taskIds.size() - tasks.size());
    int lostInDynamo =
        (int)
            taskIds.stream()
                .filter(
                    id -> !records.find(id).map(r -> "COMPLETED".equals(r.status())).orElse(false))
                .count();
    return new Counts(
        taskIds.size(),
        jobs.size(),
        pods,
        extraJobs,
        extraPods,
        withoutJob,
        notOneAttempt,
        lostInStatus,
        lostInDynamo);
  }

  private static <T> Map<String, Long> countBy(List<T> items, Function<T, String> key) {
    return items.stream()
        .map(key)
        .filter(java.util.Objects::nonNull)
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  private static String jobOf(Pod pod) {
    return pod.getMetadata().getLabels() == null
        ? null
        : pod.getMetadata().getLabels().get("job-name");
  }

  private static String ownerUid(Job job) {
    return job.getMetadata().getOwnerReferences().stream()
        .filter(ref -> "PlexusTask".equals(ref.getKind()))
        .map(OwnerReference::getUid)
        .findFirst()
        .orElse(null);
  }

  /** What the suites print and assert. */
  record Counts(
      int tasks,
      int jobs,
      int pods,
      int extraJobs,
      int extraPods,
      int tasksWithoutJob,
      int tasksNotOneAttempt,
      int lostInStatus,
      int lostInDynamo) {
    int duplicates() {
      return extraJobs + extraPods;
    }

    int losses() {
      return lostInStatus + lostInDynamo + tasksWithoutJob;
    }

    @Override
    public String toString() {
      return String.format(
          "tasks=%d jobs=%d pods=%d duplicates=%d (extraJobs=%d extraPods=%d) losses=%d"
              + " (notSucceeded=%d notCompletedInDynamo=%d withoutJob=%d) notOneAttempt=%d",
          tasks,
          jobs,
          pods,
          duplicates(),
          extraJobs,
          extraPods,
          losses(),
          lostInStatus,
          lostInDynamo,
          tasksWithoutJob,
          tasksNotOneAttempt);
    }
  }
}
