package us.anth.plexus.runner.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineScannerTest {
  private final List<String> markers = new ArrayList<>();
  private final ByteArrayOutputStream echo = new ByteArrayOutputStream();

  /** Pumps {@code text} delivered in reads of at most {@code readSize} bytes. */
  private OutputCapture pump(String text, int readSize) {
    OutputCapture capture = new OutputCapture(4096, () -> {});
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    InputStream in =
        new ByteArrayInputStream(bytes) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, readSize));
          }
        };
    new OutputPump(in, echo, capture, markers::add).run();
    return capture;
  }

  @Test
  void markersSplitAcrossReadsAtEveryOffsetAreFound() {
    String text = "a\n::plexus:: {\"x\":1}\nb::plexus:: not at line start\n::plex\n::plexus:: {}";
    for (int readSize = 1; readSize <= text.length(); readSize++) {
      markers.clear();
      echo.reset();
      OutputCapture capture = pump(text, readSize);
      assertThat(markers)
          .as("read size %d", readSize)
          .containsExactly("::plexus:: {\"x\":1}", "::plexus:: {}");
      assertThat(capture.tail())
          .as("read size %d", readSize)
          .isEqualTo("a\nb::plexus:: not at line start\n::plex\n");
      assertThat(echo.toString(StandardCharsets.UTF_8)).isEqualTo(text);
      assertThat(capture.bytes()).isEqualTo(text.length());
    }
  }

  @Test
  void findsTheFirstNewlineEightBytesAtATime() {
    byte[] data = "0123456789abcdef\nxyz\n".getBytes(StandardCharsets.UTF_8);
    assertThat(LineScanner.indexOfNewline(data, 0, data.length)).isEqualTo(16);
    assertThat(LineScanner.indexOfNewline(data, 17, data.length)).isEqualTo(20);
    assertThat(LineScanner.indexOfNewline(data, 0, 16)).isEqualTo(-1);
    for (int at = 0; at < 40; at++) {
      byte[] bytes = new byte[40];
      java.util.Arrays.fill(bytes, (byte) 0x8A); // high bit set: no false match on 0x0A
      bytes[at] = '\n';
      assertThat(LineScanner.indexOfNewline(bytes, 0, bytes.length)).isEqualTo(at);
    }
  }
}
