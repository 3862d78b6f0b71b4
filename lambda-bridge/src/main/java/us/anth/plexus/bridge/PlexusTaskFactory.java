package us.anth.plexus.bridge;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import us.anth.plexus.api.LabelValues;
import us.anth.plexus.api.PlexusLabels;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskSpec;
import us.anth.plexus.api.target.Target;

/** Builds the PlexusTask that mirrors a Task record (pure; no API calls). */
public final class PlexusTaskFactory {
  /** Annotation naming what created the task. */
  public static final String CREATED_BY = PlexusLabels.PREFIX + "created-by";

  /** Value of {@link #CREATED_BY} for tasks the bridge creates (also its dispatcher id). */
  public static final String BRIDGE = "plexus-bridge";

  private PlexusTaskFactory() {}

  /**
   * Annotation giving the record's dispatch run the task serves (1, then 2 after a re-dispatch).
   */
  public static final String DISPATCH_RUN = PlexusLabels.PREFIX + "dispatch-run";

  /** The PlexusTask of the first dispatch run of {@code item} in {@code namespace}. */
  public static PlexusTask build(TaskItem item, String namespace) {
    return build(item, namespace, 1);
  }

  /** The PlexusTask of dispatch run {@code run} of {@code item} in {@code namespace}. */
  public static PlexusTask build(TaskItem item, String namespace, int run) {
    PlexusTaskSpec spec = new PlexusTaskSpec();
    spec.setTaskId(item.id());
    spec.setAccountId(item.accountId());
    spec.setType(item.type());
    spec.setTarget(Target.orDefault(item.target()).value());
    spec.setCommand(item.command());
    spec.setDescription(item.description());
    spec.setMetadata(item.metadata());
    spec.setScorecardId(item.scorecardId());
    spec.setScoreId(item.scoreId());

    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(PlexusLabels.TASK_ID, LabelValues.sanitize(item.id()));
    if (item.accountId() != null && !item.accountId().isBlank()) {
      labels.put(PlexusLabels.ACCOUNT_ID, LabelValues.sanitize(item.accountId()));
    }
    PlexusTask task = new PlexusTask();
    task.setMetadata(
        new ObjectMetaBuilder()
            .withName(TaskNames.forTaskId(item.id()))
            .withNamespace(namespace)
            .withLabels(labels)
            .withAnnotations(Map.of(CREATED_BY, BRIDGE, DISPATCH_RUN, Integer.toString(run)))
            .build());
    task.setSpec(spec);
    return task;
  }

  /** The dispatch run {@code task} serves; 0 for a task created before runs were counted. */
  public static int runOf(PlexusTask task) {
    Map<String, String> annotations = task.getMetadata().getAnnotations();
    String run = annotations == null ? null : annotations.get(DISPATCH_RUN);
    try {
      return run == null ? 0 : Integer.parseInt(run);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
