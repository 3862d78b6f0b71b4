package us.anth.plexus.operator.model;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import us.anth.plexus.api.PlexusLabels;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.job.JobContract;
import us.anth.plexus.api.settings.RunnerVariables;
import us.anth.plexus.operator.OperatorConfig;

/**
 * Builds a task's rollback Job (pure): the task's Job ({@link JobBuilder}, same pod and defaults)
 * for the rollback command on the rollback's pool, named {@link JobNames#forRollback}, never
 * retried, outside the pool's concurrency accounting (no pool label), and with a runner that
 * reports nothing to the task ({@link JobContract#ENV_ROLLBACK}; no {@code --task-id}).
 */
public final class RollbackJobBuilder {
  /** Label marking rollback Jobs and their pods. */
  public static final String ROLE = PlexusLabels.PREFIX + "role";

  public static final String ROLE_ROLLBACK = "rollback";

  private RollbackJobBuilder() {}

  public static Job build(PlexusTask task, PlexusWorkerPool pool, OperatorConfig config) {
    PlexusTask asRollback = Serialization.clone(task);
    asRollback.getSpec().setCommand(task.getSpec().getRollback().getCommand());
    asRollback.getSpec().setRetry(null);
    Job job = JobBuilder.build(asRollback, pool, config);
    job.getMetadata().setName(JobNames.forRollback(task));
    relabel(job.getMetadata().getLabels());
    relabel(job.getSpec().getTemplate().getMetadata().getLabels());
    List<EnvVar> env = job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
    env.removeIf(var -> var.getName().equals(RunnerVariables.TASK_ID_ARG.name()));
    env.add(value(RunnerVariables.TASK_ID_ARG.name(), "never"));
    env.add(value(JobContract.ENV_ROLLBACK, "true"));
    return job;
  }

  /** Whether the Job is a rollback Job. */
  public static boolean isRollback(Job job) {
    Map<String, String> labels = job.getMetadata().getLabels();
    return labels != null && ROLE_ROLLBACK.equals(labels.get(ROLE));
  }

  private static void relabel(Map<String, String> labels) {
    labels.remove(PlexusLabels.POOL);
    labels.put(ROLE, ROLE_ROLLBACK);
  }

  private static EnvVar value(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }
}
