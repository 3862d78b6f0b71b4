package us.anth.plexus.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StreamArnsTest {
  @Test
  void readsTheTableName() {
    assertThat(
            StreamArns.tableName(
                "arn:aws:dynamodb:us-east-1:123456789012:table/Task-abc123-NONE/stream/2024-05-01T10:00:00.000"))
        .isEqualTo("Task-abc123-NONE");
  }

  @Test
  void rejectsOtherArns() {
    assertThatThrownBy(() -> StreamArns.tableName("arn:aws:dynamodb:us-east-1:1:table/Task"))
        .hasMessageContaining("is not a DynamoDB stream ARN");
  }
}
