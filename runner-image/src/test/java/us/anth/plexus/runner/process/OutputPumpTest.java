package us.anth.plexus.runner.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputPumpTest {
  private final List<String> markers = new ArrayList<>();
  private final ByteArrayOutputStream echo = new ByteArrayOutputStream();

  private OutputCapture pump(String text, int tailBytes) {
    OutputCapture capture = new OutputCapture(tailBytes, () -> {});
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    new OutputPump(new ByteArrayInputStream(bytes), echo, capture, markers::add).run();
    return capture;
  }

  @Test
  void markersGoToTheLogButNotTheTail() {
    String text = "hello\n::plexus:: {\"event\":\"progress\"}\nworld";
    OutputCapture capture = pump(text, 1024);
    assertThat(markers).containsExactly("::plexus:: {\"event\":\"progress\"}");
    assertThat(capture.tail()).isEqualTo("hello\nworld");
    assertThat(echo.toString(StandardCharsets.UTF_8)).isEqualTo(text);
    assertThat(capture.bytes()).isEqualTo(text.length());
  }

  @Test
  void rejectedMarkersStayInTheTail() {
    OutputCapture capture = new OutputCapture(1024, () -> {});
    byte[] bytes = "::plexus:: {bad\n".getBytes(StandardCharsets.UTF_8);
    new OutputPump(new ByteArrayInputStream(bytes), echo, capture, line -> false).run();
    assertThat(capture.tail()).isEqualTo("::plexus:: {bad\n");
  }

  @Test
  void tailKeepsOnlyTheLastBytes() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      text.append("line ").append(i).append('\n');
    }
    OutputCapture capture = pump(text.toString(), 20);
    assertThat(capture.tail()).isEqualTo("7\nline 998\nline 999\n").hasSize(20);
  }

  @Test
  void veryLongLinesPassThroughInPiecesAndAreNeverMarkers() {
    String longLine = "::plexus:: {" + "x".repeat(OutputPump.MAX_LINE * 2) + "}\n";
    OutputCapture capture = pump(longLine, 16);
    assertThat(markers).isEmpty();
    assertThat(capture.bytes()).isEqualTo(longLine.length());
    assertThat(echo.size()).isEqualTo(longLine.length());
    assertThat(capture.tail()).endsWith("xx}\n");
  }

  @Test
  void tailDropsACharacterCutInHalf() {
    OutputTail tail = new OutputTail(3);
    byte[] bytes = "aé€".getBytes(StandardCharsets.UTF_8);
    tail.append(bytes, 0, bytes.length);
    assertThat(tail.text()).isEqualTo("€");
  }
}
