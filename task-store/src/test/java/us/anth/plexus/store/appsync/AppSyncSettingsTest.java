package us.anth.plexus.store.appsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AppSyncSettingsTest {
  private static final String URL = "https://abc123.appsync-api.eu-west-2.amazonaws.com/graphql";

  @Test
  void sinkDefaultsToDynamoAndRefusesUnknownValues() {
    assertThat(TaskSink.fromEnv(Map.of())).isEqualTo(TaskSink.DYNAMODB);
    assertThat(TaskSink.fromEnv(Map.of(TaskSink.ENV, "Both")).writesAppSync()).isTrue();
    assertThat(TaskSink.fromEnv(Map.of(TaskSink.ENV, "appsync")).writesDynamo()).isFalse();
    assertThatThrownBy(() -> TaskSink.fromEnv(Map.of(TaskSink.ENV, "graphql")))
        .hasMessage("PLEXUS_TASK_SINK must be dynamodb, appsync or both, not 'graphql'");
  }

  @Test
  void apiKeyIsRequiredUnlessIam() {
    assertThatThrownBy(() -> AppSyncSettings.fromEnv(Map.of(AppSyncSettings.URL, URL)))
        .hasMessage(
            "PLEXUS_APPSYNC_API_KEY is required for PLEXUS_APPSYNC_URL (or set"
                + " PLEXUS_APPSYNC_AUTH=iam)");
    AppSyncSettings iam =
        AppSyncSettings.fromEnv(Map.of(AppSyncSettings.URL, URL, AppSyncSettings.AUTH, "iam"));
    assertThat(iam.auth()).isEqualTo(AppSyncSettings.Auth.IAM);
    assertThat(iam.region()).isEqualTo("eu-west-2");
  }

  @Test
  void urlIsRequiredAndKeyNeverPrinted() {
    assertThatThrownBy(() -> AppSyncSettings.fromEnv(Map.of(AppSyncSettings.API_KEY, "k")))
        .hasMessageStartingWith("PLEXUS_APPSYNC_URL is required");
    AppSyncSettings settings =
        AppSyncSettings.fromEnv(
            Map.of(AppSyncSettings.URL, URL, AppSyncSettings.API_KEY, "da2-secret"));
    assertThat(settings.toString()).doesNotContain("da2-secret");
    assertThat(settings.toEnvWithoutKey()).doesNotContainKey(AppSyncSettings.API_KEY);
  }
}
