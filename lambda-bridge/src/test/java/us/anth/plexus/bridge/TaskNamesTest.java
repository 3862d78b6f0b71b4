package us.anth.plexus.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskNamesTest {
  private static final String DNS_1123 = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";

  @Test
  void uuidIdsKeepTheirReadableForm() {
    assertThat(TaskNames.forTaskId("0f8fad5b-d9cb-469f-a165-70867728950e"))
        .isEqualTo("task-0f8fad5b-d9cb-469f-a165-70867728950e");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0F8FAD5B-D9CB-469F-A165-70867728950E",
        "Task#42 with spaces",
        "___",
        "an-id-that-is-far-too-long-to-fit-into-a-kubernetes-name-of-sixty-three-characters",
        "ends-with-dash-"
      })
  void anyIdGivesAValidStableName(String id) {
    String name = TaskNames.forTaskId(id);
    assertThat(name).matches(DNS_1123).hasSizeLessThanOrEqualTo(63).startsWith("task-");
    assertThat(TaskNames.forTaskId(id)).isEqualTo(name);
  }

  @Test
  void idsThatSanitizeAlikeGetDifferentNames() {
    assertThat(TaskNames.forTaskId("ABC")).isNotEqualTo(TaskNames.forTaskId("abc"));
    assertThat(TaskNames.forTaskId("a b")).isNotEqualTo(TaskNames.forTaskId("a_b"));
  }
}
