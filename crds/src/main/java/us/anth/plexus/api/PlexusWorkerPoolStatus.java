package us.anth.plexus.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import us.anth.plexus.api.read.ReadProblems;
import us.anth.plexus.api.read.TolerantDeserializer;
import us.anth.plexus.api.read.TolerantlyRead;

/** Observed load of a PlexusWorkerPool and whether its spec is usable. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonDeserialize(using = PlexusWorkerPoolStatus.Reader.class)
public class PlexusWorkerPoolStatus implements TolerantlyRead {
  @JsonIgnore private final transient ReadProblems readProblems = new ReadProblems();

  @JsonPropertyDescription("Tasks of this pool whose Jobs are running (not suspended).")
  private Integer activeTasks;

  @JsonPropertyDescription("Tasks of this pool waiting for a free slot.")
  private Integer queuedTasks;

  @JsonPropertyDescription("The metadata.generation last observed.")
  private Long observedGeneration;

  @JsonPropertyDescription(
      "Ready is False (reason InvalidSpec) when the spec cannot be read or breaks a rule, e.g. a"
          + " target pattern that does not parse; the pool then receives no tasks.")
  private List<Condition> conditions;

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

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

  @Override
  public ReadProblems readProblems() {
    return readProblems;
  }

  /** Reads a PlexusWorkerPoolStatus field by field (see {@link TolerantDeserializer}). */
  public static final class Reader extends TolerantDeserializer<PlexusWorkerPoolStatus> {
    public Reader() {
      super(PlexusWorkerPoolStatus.class, PlexusWorkerPoolStatus::new);
    }
  }
}
