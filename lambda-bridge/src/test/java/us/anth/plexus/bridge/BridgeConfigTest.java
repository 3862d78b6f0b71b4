package us.anth.plexus.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BridgeConfigTest {
  @Test
  void logFormatMayBeUnsetBlankTextOrJson() {
    for (String format : new String[] {"", " ", "text", "json"}) {
      assertThat(BridgeConfig.fromEnv(Map.of(BridgeConfig.LOG_FORMAT, format)).maxAttempts())
          .isEqualTo(BridgeConfig.DEFAULT_MAX_ATTEMPTS);
    }
  }

  @Test
  void anyOtherLogFormatIsOneReadableLine() {
    assertThatThrownBy(() -> BridgeConfig.fromEnv(Map.of(BridgeConfig.LOG_FORMAT, "JSON")))
        .hasMessage("PLEXUS_LOG_FORMAT must be text or json, got 'JSON'");
  }
}
