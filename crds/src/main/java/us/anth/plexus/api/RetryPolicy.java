package us.anth.plexus.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import us.anth.plexus.api.read.ReadProblems;
import us.anth.plexus.api.read.TolerantDeserializer;
import us.anth.plexus.api.read.TolerantlyRead;

/** How a failed task attempt is retried (the Job's backoffLimit and podFailurePolicy). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonDeserialize(using = RetryPolicy.Reader.class)
public class RetryPolicy implements TolerantlyRead {
  @JsonIgnore private final transient ReadProblems readProblems = new ReadProblems();

  @JsonPropertyDescription("Retries after the first failed attempt (the Job's backoffLimit).")
  @Min(0)
  @Max(20)
  @Default("0")
  private Integer maxRetries;

  @JsonPropertyDescription(
      "Exit codes that mean the command can never succeed: an attempt ending with one of these"
          + " fails the task at once, without retries (a podFailurePolicy FailJob rule).")
  @Size(max = 255)
  private List<Integer> nonRetryableExitCodes;

  public RetryPolicy() {}

  public RetryPolicy(Integer maxRetries, List<Integer> nonRetryableExitCodes) {
    this.maxRetries = maxRetries;
    this.nonRetryableExitCodes = nonRetryableExitCodes;
  }

  public Integer getMaxRetries() {
    return maxRetries;
  }

  public void setMaxRetries(Integer maxRetries) {
    this.maxRetries = maxRetries;
  }

  public List<Integer> getNonRetryableExitCodes() {
    return nonRetryableExitCodes;
  }

  public void setNonRetryableExitCodes(List<Integer> nonRetryableExitCodes) {
    this.nonRetryableExitCodes = nonRetryableExitCodes;
  }

  @Override
  public ReadProblems readProblems() {
    return readProblems;
  }

  /** Reads a RetryPolicy field by field (see {@link TolerantDeserializer}). */
  public static final class Reader extends TolerantDeserializer<RetryPolicy> {
    public Reader() {
      super(RetryPolicy.class, RetryPolicy::new);
    }
  }
}
