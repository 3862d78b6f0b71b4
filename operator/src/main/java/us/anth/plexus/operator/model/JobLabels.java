package us.anth.plexus.operator.model;

import java.util.LinkedHashMap;
import java.util.Map;
import us.anth.plexus.api.LabelValues;
import us.anth.plexus.api.PlexusLabels;
import us.anth.plexus.api.PlexusTask;

/** Labels and annotations that link a Job and its pods back to their task and pool. */
public final class JobLabels {
  /** Annotation with the task's creationTimestamp: the first key of the queue order. */
  public static final String TASK_CREATED = PlexusLabels.PREFIX + "task-created";

  private JobLabels() {}

  /** Labels of the Job and its pod template; values sanitized. */
  public static Map<String, String> labels(PlexusTask task, String poolName) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(PlexusLabels.TASK_NAME, LabelValues.sanitize(task.getMetadata().getName()));
    String taskId = task.getSpec().getTaskId();
    if (taskId != null && !taskId.isBlank()) {
      labels.put(PlexusLabels.TASK_ID, LabelValues.sanitize(taskId));
    }
    labels.put(PlexusLabels.ACCOUNT_ID, LabelValues.sanitize(task.getSpec().getAccountId()));
    labels.put(PlexusLabels.POOL, LabelValues.sanitize(poolName));
    labels.put(PlexusLabels.MANAGED_BY, PlexusLabels.MANAGED_BY_VALUE);
    return labels;
  }

  /** Annotations with the unshortened task name and its creation time. */
  public static Map<String, String> annotations(PlexusTask task) {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(PlexusLabels.TASK_NAME, task.getMetadata().getName());
    String created = task.getMetadata().getCreationTimestamp();
    if (created != null) {
      annotations.put(TASK_CREATED, created);
    }
    return annotations;
  }
}
