package us.anth.plexus.devkit.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableRendererTest {
  private final TableRenderer renderer =
      new TableRenderer(
          List.of(
              new PrinterColumn("Phase", "string", ".status.phase"),
              new PrinterColumn("Age", "date", ".metadata.creationTimestamp")));

  @Test
  void rendersOneRowPerItemWithNameFirst() {
    String list =
        "{\"metadata\":{\"resourceVersion\":\"7\"},\"items\":[{\"metadata\":{\"name\":\"t1\","
            + "\"creationTimestamp\":\"2026-01-01T00:00:00Z\"},\"status\":{\"phase\":\"Running\"}},"
            + "{\"metadata\":{\"name\":\"t2\",\"creationTimestamp\":\"2026-01-01T00:00:00Z\"}}]}";

    String table = renderer.render(list, Instant.parse("2026-01-01T00:05:00Z"));

    assertThat(table)
        .contains("\"kind\":\"Table\"")
        .contains("\"cells\":[\"t1\",\"Running\",\"5m\"]")
        .contains("\"cells\":[\"t2\",\"\",\"5m\"]")
        .contains("\"resourceVersion\":\"7\"");
  }

  @Test
  void rendersASingleObjectAsOneRow() {
    String one = "{\"metadata\":{\"name\":\"t1\"},\"status\":{\"phase\":\"Queued\"}}";
    assertThat(renderer.render(one, Instant.EPOCH)).contains("\"cells\":[\"t1\",\"Queued\",\"\"]");
  }

  @Test
  void formatsAgesLikeKubectl() {
    assertThat(TableRenderer.humanAge(Duration.ofSeconds(42))).isEqualTo("42s");
    assertThat(TableRenderer.humanAge(Duration.ofHours(3))).isEqualTo("3h");
    assertThat(TableRenderer.humanAge(Duration.ofDays(4))).isEqualTo("4d");
  }
}
