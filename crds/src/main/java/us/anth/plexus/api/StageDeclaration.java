package us.anth.plexus.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import us.anth.plexus.api.read.ReadProblems;
import us.anth.plexus.api.read.TolerantDeserializer;
import us.anth.plexus.api.read.TolerantlyRead;

/** A stage the task's command is expected to report, declared up front so the UI can list it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonDeserialize(using = StageDeclaration.Reader.class)
public class StageDeclaration implements TolerantlyRead {
  @JsonIgnore private final transient ReadProblems readProblems = new ReadProblems();

  @JsonPropertyDescription("Stage name, e.g. 'Processing'. Unique within the task.")
  @Required
  @Size(min = 1, max = 128)
  private String name;

  @JsonPropertyDescription("Position of the stage; stages run in ascending order.")
  @Required
  @Min(0)
  private Integer order;

  @JsonPropertyDescription(
      "Items the stage will process, if known. Leave unset for setup and finalizing stages,"
          + " which carry no item counts.")
  @Min(0)
  private Long totalItems;

  public StageDeclaration() {}

  public StageDeclaration(String name, Integer order, Long totalItems) {
    this.name = name;
    this.order = order;
    this.totalItems = totalItems;
  }

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

  public Long getTotalItems() {
    return totalItems;
  }

  public void setTotalItems(Long totalItems) {
    this.totalItems = totalItems;
  }

  @Override
  public ReadProblems readProblems() {
    return readProblems;
  }

  /** Reads a StageDeclaration field by field (see {@link TolerantDeserializer}). */
  public static final class Reader extends TolerantDeserializer<StageDeclaration> {
    public Reader() {
      super(StageDeclaration.class, StageDeclaration::new);
    }
  }
}
