package us.anth.plexus.cli;

import us.anth.plexus.api.PlexusTaskStatus;

/** Where a followed task's log lines and stage progress go: a live terminal region or a log. */
interface StageView extends AutoCloseable {
  /** A log line or message, printed in full and never overwritten. */
  void line(String text);

  /** The stages' progress as of {@code status}. */
  void update(PlexusTaskStatus status);

  @Override
  void close();

  /** Lines only, no progress (logs -f). */
  static StageView linesOnly(java.io.PrintStream out) {
    return new StageView() {
      @Override
      public void line(String text) {
        out.println(text);
      }

      @Override
      public void update(PlexusTaskStatus status) {}

      @Override
      public void close() {
        out.flush();
      }
    };
  }

  /**
   * The live region on an interactive terminal, else a progress log: log lines to {@code out},
   * progress lines to stderr.
   */
  static StageView forOutput(java.io.PrintStream out) {
    if (System.console() != null && out == System.out) {
      try {
        return new LiveDisplay(
            org.jline.terminal.TerminalBuilder.builder().system(true).dumb(false).build());
      } catch (java.io.IOException | IllegalStateException e) {
        // no usable terminal after all: fall through to the log form
      }
    }
    return new ProgressLog(out, System.err);
  }
}
