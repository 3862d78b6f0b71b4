package us.anth.plexus.runner.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProgressMarkersTest {
  @Test
  void parsesAProgressMarker() {
    String line =
        "::plexus:: {\"event\":\"progress\",\"stage\":\"Processing\",\"processed\":120,"
            + "\"total\":2000,\"message\":\"rows\"}";
    assertThat(ProgressMarkers.isMarker(line)).isTrue();
    assertThat(ProgressMarkers.parseLine(line))
        .isEqualTo(
            new ProgressEvent(
                ProgressEvent.Kind.PROGRESS, "Processing", null, 120L, 2000L, "rows"));
  }

  @Test
  void formatAndParseRoundTrip() {
    ProgressEvent event =
        new ProgressEvent(ProgressEvent.Kind.STAGE, "Setup", 1, null, null, "a \"b\"");
    assertThat(ProgressMarkers.parseLine(ProgressMarkers.format(event))).isEqualTo(event);
  }

  @Test
  void outputEventsCarryTheOutputField() {
    assertThat(ProgressMarkers.parseJson("{\"event\":\"output\",\"output\":\"done\"}").message())
        .isEqualTo("done");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "progress 120/2000",
        "::plexus::{\"event\":\"progress\"}",
        " ::plexus:: {\"event\":\"progress\"}",
        "INFO ::plexus:: {\"event\":\"progress\"}",
        "::plexus:: progress"
      })
  void ordinaryOutputIsNotAMarker(String line) {
    assertThat(ProgressMarkers.isMarker(line)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"event\":\"explode\"}", "{\"stage\":\"x\"}", "{not json", "[1,2]"})
  void rejectsMalformedEventsWithAReason(String json) {
    assertThatThrownBy(() -> ProgressMarkers.parseJson(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("\n");
  }
}
