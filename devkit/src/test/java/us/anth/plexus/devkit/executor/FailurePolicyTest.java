package us.anth.plexus.devkit.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpecBuilder;
import org.junit.jupiter.api.Test;

class FailurePolicyTest {
  private final JobSpec spec =
      new JobSpecBuilder()
          .withBackoffLimit(1)
          .withPodFailurePolicy(TestJobs.failJobOn126And127())
          .build();

  @Test
  void failJobExitCodeFailsAtOnce() {
    FailurePolicy.Decision d = FailurePolicy.afterFailure(spec, "runner", 127, 1);
    assertThat(d.retry()).isFalse();
    assertThat(d.failReason()).contains("PodFailurePolicy");
  }

  @Test
  void otherCodesRetryUntilTheBackoffLimit() {
    assertThat(FailurePolicy.afterFailure(spec, "runner", 3, 1).retry()).isTrue();
    assertThat(FailurePolicy.afterFailure(spec, "runner", 3, 2).failReason())
        .contains("BackoffLimitExceeded");
  }
}
