package us.anth.plexus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.StageState;
import us.anth.plexus.api.StageStatus;

/**
 * The live display against a virtual terminal: the bytes it writes are replayed into {@link
 * VirtualScreen} and the test asserts what a user sees — every log line once, in order, never
 * overwritten; the bars at the bottom, one per stage, none left behind, none wrapped.
 */
class LiveDisplayTest {
  private static final int LOG_LINES = 60;

  @ParameterizedTest
  @ValueSource(ints = {160, 80, 40})
  void logLinesStayAboveTheBarsAndBarsNeverWrap(int width) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Terminal terminal = terminal(bytes, width, 30);
        LiveDisplay display = new LiveDisplay(terminal)) {
      for (int i = 1; i <= LOG_LINES; i++) {
        display.update(status(i * 2000L / LOG_LINES, StageState.RUNNING, "Processing items"));
        display.line("log line " + i + " of the demo");
      }
      display.update(status(2000, StageState.COMPLETED, "done"));
      display.line("demo finished: 2000 items");
    }

    VirtualScreen screen =
        new VirtualScreen(30, width).replay(bytes.toString(StandardCharsets.UTF_8));
    List<String> transcript = screen.transcript();
    List<String> logs = new ArrayList<>();
    for (int i = 1; i <= LOG_LINES; i++) {
      logs.add("log line " + i + " of the demo");
    }
    logs.add("demo finished: 2000 items");
    assertThat(transcript.subList(0, logs.size())).containsExactlyElementsOf(logs);
    List<String> bars = transcript.subList(logs.size(), transcript.size());
    assertThat(bars).hasSize(2);
    assertThat(bars.get(0)).startsWith("Setup").contains("✓");
    assertThat(bars.get(1)).startsWith("Processing").contains("✓");
    assertThat(bars).allSatisfy(bar -> assertThat(bar.length()).isLessThan(width));
    if (width >= 80) {
      assertThat(bars.get(1)).contains("2000/2000", "100%");
    }
  }

  @Test
  void outputAfterTheDisplayClosesStartsBelowTheBars() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Terminal terminal = terminal(bytes, 100, 30)) {
      LiveDisplay display = new LiveDisplay(terminal);
      display.update(status(100, StageState.RUNNING, null));
      display.line("a log line");
      PlexusTaskStatus last = status(2000, StageState.COMPLETED, null);
      last.getStages().get(2).setStatus(StageState.COMPLETED);
      display.update(last);
      display.close();
      bytes.write("Name:       default/demo\n".getBytes(StandardCharsets.UTF_8));
    }

    List<String> seen =
        new VirtualScreen(30, 100).replay(bytes.toString(StandardCharsets.UTF_8)).transcript();

    assertThat(seen).hasSize(5);
    assertThat(seen.get(0)).isEqualTo("a log line");
    assertThat(seen.get(3)).startsWith("Finalizing").endsWith("]");
    assertThat(seen.get(4)).isEqualTo("Name:       default/demo");
  }

  @Test
  void barLinesFitEveryWidth() {
    StageStatus stage = stage("A-very-long-stage-name", 1234L, 5000L, StageState.RUNNING);
    stage.setStatusMessage("Scoring items with a long status message that goes on and on");
    stage.setItemsPerSecond(123.4);
    for (int width = 12; width <= 200; width++) {
      assertThat(BarLine.render(stage, width, Instant.EPOCH).length())
          .as("width %d", width)
          .isLessThanOrEqualTo(width);
    }
    assertThat(BarLine.render(stage, 160, Instant.EPOCH))
        .contains("1234/5000", "24%", "123.4/s", "Scoring items");
  }

  @Test
  void nonTerminalPrintsOneProgressLinePerStageAtMostEveryFiveSeconds() {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    ProgressLog log =
        new ProgressLog(
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(progress, true, StandardCharsets.UTF_8));
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    for (int tick = 0; tick <= 80; tick++) { // 20 s, every 250 ms
      log.update(status(tick * 20L, StageState.RUNNING, null), start.plusMillis(tick * 250L));
    }
    log.update(status(2000, StageState.COMPLETED, null), start.plusSeconds(21));

    List<String> lines = progress.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.stream().filter(l -> l.startsWith("stage Processing: RUNNING")))
        .hasSize(5); // at 0, 5, 10, 15 and 20 s
    assertThat(lines).contains("stage Processing: COMPLETED 2000/2000 100%");
    assertThat(lines.stream().filter(l -> l.startsWith("stage Setup"))).hasSize(1);
  }

  private static Terminal terminal(ByteArrayOutputStream bytes, int width, int height)
      throws Exception {
    Terminal terminal =
        new ExternalTerminal(
            "virtual",
            "xterm-256color",
            new ByteArrayInputStream(new byte[0]),
            bytes,
            StandardCharsets.UTF_8);
    terminal.setSize(new Size(width, height));
    return terminal;
  }

  private static PlexusTaskStatus status(long processed, StageState state, String message) {
    StageStatus setup = stage("Setup", null, null, StageState.COMPLETED);
    StageStatus processing = stage("Processing", processed, 2000L, state);
    processing.setStatusMessage(message);
    StageStatus finish = stage("Finalizing", null, null, StageState.PENDING);
    PlexusTaskStatus status = new PlexusTaskStatus();
    status.setStages(List.of(setup, processing, finish));
    return status;
  }

  private static StageStatus stage(String name, Long processed, Long total, StageState state) {
    StageStatus stage = new StageStatus();
    stage.setName(name);
    stage.setProcessedItems(processed);
    stage.setTotalItems(total);
    stage.setStatus(state);
    return stage;
  }
}
