package us.anth.plexus.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import us.anth.plexus.api.read.ReadProblems;
import us.anth.plexus.api.read.TolerantDeserializer;
import us.anth.plexus.api.read.TolerantlyRead;

/** Observed progress of one stage, as written by the runner (mirrors a DynamoDB TaskStage). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonDeserialize(using = StageStatus.Reader.class)
public class StageStatus implements TolerantlyRead {
  @JsonIgnore private final transient ReadProblems readProblems = new ReadProblems();

  @JsonPropertyDescription("Stage name.")
  private String name;

  @JsonPropertyDescription("Position of the stage.")
  private Integer order;

  @JsonPropertyDescription("PENDING, RUNNING, COMPLETED or FAILED.")
  private StageState status;

  @JsonPropertyDescription("Latest message reported for the stage; 'Error: <message>' on failure.")
  private String statusMessage;

  @JsonPropertyDescription("Items processed so far (0..totalItems).")
  private Long processedItems;

  @JsonPropertyDescription("Items the stage will process; unset for stages without counts.")
  private Long totalItems;

  @JsonPropertyDescription("When the stage started (ISO-8601 UTC).")
  private String startedAt;

  @JsonPropertyDescription("When the stage ended (ISO-8601 UTC).")
  private String completedAt;

  @JsonPropertyDescription(
      "Estimated end of the stage (ISO-8601 UTC); set only once the stage is at least 10% done.")
  private String estimatedCompletionAt;

  @JsonPropertyDescription("processedItems divided by the seconds since the stage started.")
  private Double itemsPerSecond;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Integer getOrder() {
    return order;
  }

  public void setOrder(Integer order) {
    this.order = order;
  }

  public StageState getStatus() {
    return status;
  }

  public void setStatus(StageState status) {
    this.status = status;
  }

  public String getStatusMessage() {
    return statusMessage;
  }

  public void setStatusMessage(String statusMessage) {
    this.statusMessage = statusMessage;
  }

  public Long getProcessedItems() {
    return processedItems;
  }

  public void setProcessedItems(Long processedItems) {
    this.processedItems = processedItems;
  }

  public Long getTotalItems() {
    return totalItems;
  }

  public void setTotalItems(Long totalItems) {
    this.totalItems = totalItems;
  }

  public String getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(String startedAt) {
    this.startedAt = startedAt;
  }

  public String getCompletedAt() {
    return completedAt;
  }

  public void setCompletedAt(String completedAt) {
    this.completedAt = completedAt;
  }

  public String getEstimatedCompletionAt() {
    return estimatedCompletionAt;
  }

  public void setEstimatedCompletionAt(String estimatedCompletionAt) {
    this.estimatedCompletionAt = estimatedCompletionAt;
  }

  public Double getItemsPerSecond() {
    return itemsPerSecond;
  }

  public void setItemsPerSecond(Double itemsPerSecond) {
    this.itemsPerSecond = itemsPerSecond;
  }

  @Override
  public ReadProblems readProblems() {
    return readProblems;
  }

  /** Reads a StageStatus field by field (see {@link TolerantDeserializer}). */
  public static final class Reader extends TolerantDeserializer<StageStatus> {
    public Reader() {
      super(StageStatus.class, StageStatus::new);
    }
  }
}
