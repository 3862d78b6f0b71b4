package us.anth.plexus.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** How a failed task attempt is retried (the Job's backoffLimit and podFailurePolicy). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RetryPolicy {
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
}
