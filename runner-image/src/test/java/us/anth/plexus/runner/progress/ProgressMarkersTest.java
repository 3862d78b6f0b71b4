package us.anth.plexus.runner.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProgressMarkersTest {
  private static final Consumer<String> NO_WARNING =
      warning -> {
        throw new AssertionError("unexpected warning: " + warning);
      };

  @Test
  void parsesAProgressMarker() {
    String line =
        "::plexus:: {\"event\":\"progress\",\"stage\":\"Processing\",\"processed\":120,"
            + "\"total\":2000,\"message\":\"rows\"}";
    assertThat(ProgressMarkers.isMarker(line)).isTrue();
    assertThat(ProgressMarkers.parseLine(line, NO_WARNING))
        .isEqualTo(
            new ProgressEvent(
                ProgressEvent.Kind.PROGRESS, "Processing", null, 120L, 2000L, "rows"));
  }

  @Test
  void formatAndParseRoundTrip() {
    ProgressEvent event =
        new ProgressEvent(ProgressEvent.Kind.STAGE, "Setup", 1, null, null, "a \"b\"");
    assertThat(ProgressMarkers.parseLine(ProgressMarkers.format(event), NO_WARNING))
        .isEqualTo(event);
  }

  @Test
  void outputEventsCarryTheOutputField() {
    assertThat(
            ProgressMarkers.parseJson("{\"event\":\"output\",\"output\":\"done\"}", NO_WARNING)
                .message())
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
    assertThatThrownBy(() -> ProgressMarkers.parseJson(json, NO_WARNING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("\n");
  }

  @Test
  void unusableFieldsAreLeftOutAndNamedInOneWarning() {
    List<String> warnings = new ArrayList<>();
    ProgressEvent event =
        ProgressMarkers.parseJson(
            "{\"event\":\"progress\",\"processed\":\"abc\",\"total\":10,\"colour\":1}",
            warnings::add);

    assertThat(event)
        .isEqualTo(new ProgressEvent(ProgressEvent.Kind.PROGRESS, null, null, null, 10L, null));
    assertThat(warnings)
        .containsExactly(
            "progress event 'progress' partly applied (unknown field 'colour' ignored;"
                + " processed \"abc\" is not a whole number; ignored)");
  }

  @Test
  void aStageEventWithoutANameSaysTheDefaultStageIsUsed() {
    List<String> warnings = new ArrayList<>();
    ProgressMarkers.parseJson("{\"event\":\"stage\",\"total\":5}", warnings::add);

    assertThat(warnings)
        .containsExactly(
            "progress event 'stage' partly applied (no stage name, so the stage 'Running' is"
                + " used)");
  }

  @Test
  void anOutputThatIsNotTextIsRejectedNotBlanked() {
    assertThatThrownBy(
            () ->
                ProgressMarkers.parseJson(
                    "{\"event\":\"output\",\"output\":{\"a\":1}}", NO_WARNING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("an output event needs a string 'output'")
        .hasMessageContaining("output is an object, not text");
  }
}
