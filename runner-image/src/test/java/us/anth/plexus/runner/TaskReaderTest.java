package us.anth.plexus.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;

/** Which API failures the runner waits out at start and which fail the attempt at once. */
class TaskReaderTest {
  @Test
  void unreachableOverloadedAndServerErrorsAreWaitedOut() {
    assertThat(TaskReader.transientFailure(new KubernetesClientException("refused"))).isTrue();
    assertThat(TaskReader.transientFailure(new KubernetesClientException("busy", 429, null)))
        .isTrue();
    assertThat(TaskReader.transientFailure(new KubernetesClientException("down", 503, null)))
        .isTrue();
  }

  @Test
  void forbiddenAndNotFoundFailAtOnce() {
    assertThat(TaskReader.transientFailure(new KubernetesClientException("no", 403, null)))
        .isFalse();
    assertThat(TaskReader.transientFailure(new KubernetesClientException("gone", 404, null)))
        .isFalse();
  }
}
