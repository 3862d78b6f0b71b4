package us.anth.plexus.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TaskDeletionTest {
  @Test
  void retriesBackOffRoughlyDoublingUpToAMinute() {
    assertThat(TaskDeletion.retryAfter(Duration.ZERO)).hasSeconds(5);
    assertThat(TaskDeletion.retryAfter(Duration.ofSeconds(5))).hasSeconds(5);
    assertThat(TaskDeletion.retryAfter(Duration.ofSeconds(10))).hasSeconds(10);
    assertThat(TaskDeletion.retryAfter(Duration.ofSeconds(40))).hasSeconds(40);
    assertThat(TaskDeletion.retryAfter(Duration.ofSeconds(600))).hasSeconds(60);
  }
}
