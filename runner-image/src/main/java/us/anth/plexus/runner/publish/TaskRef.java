package us.anth.plexus.runner.publish;

/** Which task a runner serves: the PlexusTask's namespace and name, and its DynamoDB Task id. */
public record TaskRef(String namespace, String name, String taskId) {
  /** The task id, or null when the task has none yet. */
  public String taskIdOrNull() {
    return taskId == null || taskId.isBlank() ? null : taskId;
  }
}
