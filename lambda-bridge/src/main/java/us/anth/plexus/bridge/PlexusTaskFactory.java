package us.anth.plexus.bridge;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import us.anth.plexus.api.LabelValues;
import us.anth.plexus.api.PlexusLabels;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskSpec;

/** Builds the PlexusTask that mirrors a Task record (pure; no API calls). */
public final class PlexusTaskFactory {
  /** Annotation naming what created the task. */
  public static final String CREATED_BY = PlexusLabels.PREFIX + "created-by";

  /** Value of {@link #CREATED_BY} for tasks the bridge creates. */
  public static final String BRIDGE = "plexus-bridge";

  private PlexusTaskFactory() {}

  /** The PlexusTask for {@code item} in {@code namespace}. */
  public static PlexusTask build(TaskItem item, String namespace) {
    PlexusTaskSpec spec = new PlexusTaskSpec();
    spec.setTaskId(item.id());
    spec.setAccountId(item.accountId());
    spec.setType(item.type());
    spec.setTarget(item.target());
    spec.setCommand(item.command());
    spec.setDescription(item.description());
    spec.setMetadata(item.metadata());
    spec.setScorecardId(item.scorecardId());
    spec.setScoreId(item.scoreId());

    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(PlexusLabels.TASK_ID, LabelValues.sanitize(item.id()));
    labels.put(PlexusLabels.ACCOUNT_ID, LabelValues.sanitize(item.accountId()));
    PlexusTask task = new PlexusTask();
    task.setMetadata(
        new ObjectMetaBuilder()
            .withName(TaskNames.forTaskId(item.id()))
            .withNamespace(namespace)
            .withLabels(labels)
            .withAnnotations(Map.of(CREATED_BY, BRIDGE))
            .build());
    task.setSpec(spec);
    return task;
  }
}
