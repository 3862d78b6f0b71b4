package us.anth.plexus.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Observed load of a PlexusWorkerPool. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PlexusWorkerPoolStatus {
  @JsonPropertyDescription("Tasks of this pool whose Jobs are running (not suspended).")
  private Integer activeTasks;

  @JsonPropertyDescription("Tasks of this pool waiting for a free slot.")
  private Integer queuedTasks;

  @JsonPropertyDescription("The metadata.generation last observed.")
  private Long observedGeneration;

  public Integer getActiveTasks() {
    return activeTasks;
  }

  public void setActiveTasks(Integer activeTasks) {
    this.activeTasks = activeTasks;
  }

  public Integer getQueuedTasks() {
    return queuedTasks;
  }

  public void setQueuedTasks(Integer queuedTasks) {
    this.queuedTasks = queuedTasks;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }
}
