package us.anth.plexus.operator.reconciler;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import us.anth.plexus.api.job.JobContract;

/**
 * What the operator's informers keep of each Job and pod: the fields the operator reads from them,
 * nothing else. On a real API server the pod spec and the Job's pod template are most of a cached
 * object (at 2,000 tasks 8 KB and 9 KB of the 11 KB and 12 KB each held), and no reader uses them.
 * The readers, which a new read of a cached Job or pod must be added to: {@link TaskCaches}
 * (job-name labels), {@link TaskMappers} (task-name annotation or label), {@link PoolSlot} and
 * {@link RecentJobs} (pool label, suspend, deletion, conditions, uid, resourceVersion), {@code
 * QueueOrder} (annotations), {@code PhaseResolver}, {@code JobOutcome}, {@code PodStartProblem},
 * {@code StageEnding}, {@code AttemptEntries} and {@code RollbackOutcome} (the status, names,
 * creation times, the Job's suspend and activeDeadlineSeconds), {@link SpecCheckStep} (the Job's
 * command, target and task id from its first container's env). Every write to a Job or pod is a
 * patch of its own or a create from a built object, never a diff against a cached copy.
 */
final class CachedShapes {
  /** The env variables of a Job {@link SpecCheckStep} reads back: the spec it was created with. */
  static final Set<String> JOB_ENV_READ =
      Set.of(JobContract.ENV_COMMAND, JobContract.ENV_TARGET, JobContract.ENV_TASK_ID);

  private CachedShapes() {}

  /** The pod with its identifying metadata and its status, without its spec. */
  static Pod pod(Pod pod) {
    pod.setMetadata(metadata(pod.getMetadata()));
    pod.setSpec(null);
    return pod;
  }

  /**
   * The Job with its identifying metadata, its status, and of its spec suspend,
   * activeDeadlineSeconds and the first container's {@link #JOB_ENV_READ} variables.
   */
  static Job job(Job job) {
    job.setMetadata(metadata(job.getMetadata()));
    JobSpec full = job.getSpec();
    if (full == null) {
      return job;
    }
    JobSpec kept = new JobSpec();
    kept.setSuspend(full.getSuspend());
    kept.setActiveDeadlineSeconds(full.getActiveDeadlineSeconds());
    List<Container> containers =
        full.getTemplate() == null || full.getTemplate().getSpec() == null
            ? null
            : full.getTemplate().getSpec().getContainers();
    if (containers != null && !containers.isEmpty()) {
      Container first = new Container();
      first.setName(containers.get(0).getName());
      first.setEnv(envRead(containers.get(0).getEnv()));
      PodSpec podSpec = new PodSpec();
      podSpec.setContainers(new ArrayList<>(List.of(first)));
      PodTemplateSpec template = new PodTemplateSpec();
      template.setSpec(podSpec);
      kept.setTemplate(template);
    }
    job.setSpec(kept);
    return job;
  }

  private static List<EnvVar> envRead(List<EnvVar> env) {
    List<EnvVar> kept = new ArrayList<>();
    if (env != null) {
      env.stream().filter(v -> JOB_ENV_READ.contains(v.getName())).forEach(kept::add);
    }
    return kept;
  }

  /** Name, namespace, uid, resourceVersion, creation and deletion time, labels, annotations. */
  private static ObjectMeta metadata(ObjectMeta full) {
    if (full == null) {
      return null;
    }
    ObjectMeta kept = new ObjectMeta();
    kept.setName(full.getName());
    kept.setNamespace(full.getNamespace());
    kept.setUid(full.getUid());
    kept.setResourceVersion(full.getResourceVersion());
    kept.setCreationTimestamp(full.getCreationTimestamp());
    kept.setDeletionTimestamp(full.getDeletionTimestamp());
    // never null: JOSDK reads the annotations of every event it receives
    if (full.getLabels() != null) {
      kept.setLabels(full.getLabels());
    }
    if (full.getAnnotations() != null) {
      kept.setAnnotations(full.getAnnotations());
    }
    return kept;
  }
}
