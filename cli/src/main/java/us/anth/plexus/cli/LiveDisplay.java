package us.anth.plexus.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.StageState;
import us.anth.plexus.api.StageStatus;

/**
 * The live region of a terminal, as Rich and argo draw it: one bar per started stage at the bottom,
 * redrawn in place by JLine's {@link Display}; log lines are printed above it (the region is
 * cleared, the line written, the region drawn again), so no line is ever overwritten. Bars are as
 * wide as the terminal, less one column, so they never wrap.
 */
final class LiveDisplay implements StageView {
  private final Terminal terminal;
  private final Display display;
  private List<AttributedString> region = List.of();

  LiveDisplay(Terminal terminal) {
    this.terminal = terminal;
    this.display = new Display(terminal, false);
  }

  @Override
  public synchronized void line(String text) {
    resize();
    display.update(List.of(), 0);
    terminal.writer().print(text + "\r\n");
    terminal.writer().flush();
    display.update(region, cursorAtLastLine());
  }

  @Override
  public synchronized void update(PlexusTaskStatus status) {
    resize();
    int width = Math.max(10, terminal.getWidth() - 1);
    Instant now = Instant.now();
    List<AttributedString> lines = new ArrayList<>();
    for (StageStatus stage : Optional.ofNullable(status.getStages()).orElse(List.of())) {
      if (stage.getName() != null
          && stage.getStatus() != null
          && stage.getStatus() != StageState.PENDING) {
        lines.add(new AttributedString(BarLine.render(stage, width, now)));
      }
    }
    region = lines;
    display.update(region, cursorAtLastLine());
  }

  /** The start of the region's last line, in Display's units ({@link Size#cursorPos}). */
  private int cursorAtLastLine() {
    return region.isEmpty() ? 0 : size().cursorPos(region.size() - 1, 0);
  }

  private Size size() {
    return new Size(Math.max(10, terminal.getWidth()), Math.max(1, terminal.getHeight()));
  }

  private void resize() {
    display.resize(size().getRows(), size().getColumns());
  }

  /** Leaves the last bars on screen and the cursor on the line below them. */
  @Override
  public synchronized void close() {
    if (!region.isEmpty()) {
      terminal.writer().print("\r\n");
    }
    terminal.writer().flush();
  }
}
