package us.anth.plexus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogCursorTest {
  private final LogCursor cursor = new LogCursor();

  @Test
  void overlappingReadsShowEachLineOnce() {
    assertThat(cursor.sinceTime()).isEmpty();
    assertThat(read("2026-01-01T10:00:00.1Z a", "2026-01-01T10:00:01.5Z b"))
        .containsExactly("a", "b");
    assertThat(cursor.sinceTime()).contains("2026-01-01T10:00:01Z");

    // The next read starts at the last line's second, so it repeats b.
    assertThat(read("2026-01-01T10:00:01.5Z b", "2026-01-01T10:00:02Z c", "2026-01-01T10:00:02Z "))
        .containsExactly("c", "");
    assertThat(read("2026-01-01T10:00:02Z c", "2026-01-01T10:00:02Z ")).isEmpty();
  }

  @Test
  void linesSharingATimeAreCountedNotDropped() {
    assertThat(read("2026-01-01T10:00:00Z x")).containsExactly("x");
    assertThat(read("2026-01-01T10:00:00Z x", "2026-01-01T10:00:00Z x"))
        .as("a second line with the same time and text is new")
        .containsExactly("x");
  }

  @Test
  void linesWithoutTimestampsAreCountedByPosition() {
    assertThat(read("plain one", "plain two")).containsExactly("plain one", "plain two");
    assertThat(read("plain one", "plain two", "plain three")).containsExactly("plain three");
  }

  private List<String> read(String... lines) {
    cursor.startRead();
    List<String> shown = new ArrayList<>();
    for (String line : lines) {
      Optional<String> text = cursor.accept(line);
      text.ifPresent(shown::add);
    }
    return shown;
  }
}
