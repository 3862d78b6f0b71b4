package us.anth.plexus.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.Timestamps;

class TaskStoreSettingsTest {

  @Test
  void defaultsMatchTheDocumentedEnvironment() {
    TaskStoreSettings settings = TaskStoreSettings.fromEnv(Map.of());

    assertThat(settings)
        .isEqualTo(new TaskStoreSettings(false, "us-east-1", "", "Task", "TaskStage", false));
  }

  @Test
  void readsEveryVariableAndWritesThemBack() {
    Map<String, String> env =
        Map.of(
            "PLEXUS_DYNAMODB_ENABLED", "true",
            "PLEXUS_DYNAMODB_REGION", "eu-west-1",
            "PLEXUS_DYNAMODB_ENDPOINT", "http://127.0.0.1:8000",
            "PLEXUS_DYNAMODB_TASK_TABLE", "Task-abc-NONE",
            "PLEXUS_DYNAMODB_STAGE_TABLE", "TaskStage-abc-NONE",
            "PLEXUS_DYNAMODB_DATASTORE_FIELDS", "true");

    TaskStoreSettings settings = TaskStoreSettings.fromEnv(env);

    assertThat(settings)
        .isEqualTo(
            new TaskStoreSettings(
                true,
                "eu-west-1",
                "http://127.0.0.1:8000",
                "Task-abc-NONE",
                "TaskStage-abc-NONE",
                true));
    assertThat(settings.toEnv())
        .isEqualTo(
            env.entrySet().stream()
                .collect(
                    java.util.stream.Collectors.toMap(
                        Map.Entry::getKey,
                        e -> e.getValue().toLowerCase().equals("true") ? "true" : e.getValue())));
    assertThat(TaskStoreSettings.fromEnv(settings.toEnv())).isEqualTo(settings);
  }

  @Test
  void blankValuesFallBackToDefaults() {
    TaskStoreSettings settings =
        TaskStoreSettings.fromEnv(
            Map.of("PLEXUS_DYNAMODB_TASK_TABLE", " ", "PLEXUS_DYNAMODB_REGION", ""));

    assertThat(settings.taskTable()).isEqualTo("Task");
    assertThat(settings.region()).isEqualTo("us-east-1");
  }

  @Test
  void timestampsAreUtcWithMillisecondsAndZ() {
    assertThat(Timestamps.format(Instant.parse("2026-11-23T09:15:02Z")))
        .isEqualTo("2026-11-23T09:15:02.000Z");
    assertThat(Timestamps.format(Instant.parse("2026-11-23T09:15:02.123456Z")))
        .isEqualTo("2026-11-23T09:15:02.123Z");
    assertThat(Timestamps.format(null)).isNull();
  }

  @Test
  void sequencesIncreaseStrictlyAndFollowTheClock() {
    MonotonicSequence sequence = new MonotonicSequence();
    long first = sequence.next();
    long second = sequence.next();

    assertThat(second).isGreaterThan(first);
    assertThat(first / 1000)
        .isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(5000L));
  }
}
