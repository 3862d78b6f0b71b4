package us.anth.plexus.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import us.anth.plexus.api.StageState;
import us.anth.plexus.api.StageStatus;

/**
 * One stage as a progress line that never exceeds the given width: name, bar, items, percentage,
 * rate, ETA and status message; when the width is short the message, then the ETA, the rate and the
 * items are dropped and the bar shrinks, so nothing wraps. Pure.
 */
final class BarLine {
  private static final int NAME_WIDTH = 14;
  private static final int MIN_BAR = 5;
  private static final int MAX_BAR = 30;

  private BarLine() {}

  static String render(StageStatus stage, int width, Instant now) {
    String name = fit(nz(stage.getName()), NAME_WIDTH);
    name = name + " ".repeat(NAME_WIDTH - name.length());
    String state = state(stage.getStatus());
    List<String> optional = new ArrayList<>();
    optional.add(items(stage));
    optional.add(percent(stage));
    optional.add(rate(stage));
    optional.add(eta(stage, now));
    optional.add(nz(stage.getStatusMessage()));
    optional.removeIf(String::isEmpty);
    while (true) {
      String tail = optional.isEmpty() ? "" : " " + String.join("  ", optional);
      int barWidth = width - name.length() - state.length() - tail.length() - 4;
      if (barWidth >= MIN_BAR || optional.isEmpty()) {
        String line =
            name
                + " "
                + state
                + " ["
                + bar(stage, Math.max(MIN_BAR, Math.min(MAX_BAR, barWidth)))
                + "]"
                + tail;
        return fit(line, width);
      }
      optional.remove(optional.size() - 1);
    }
  }

  /** A progress line without a bar, for logs: {@code stage Processing: RUNNING 1200/2000 60%}. */
  static String plain(StageStatus stage, Instant now) {
    List<String> parts = new ArrayList<>(List.of(items(stage), percent(stage), rate(stage)));
    parts.add(eta(stage, now));
    parts.removeIf(String::isEmpty);
    String message = stage.getStatusMessage() == null ? "" : " (" + stage.getStatusMessage() + ")";
    return "stage "
        + nz(stage.getName())
        + ": "
        + (stage.getStatus() == null ? "" : stage.getStatus().name())
        + (parts.isEmpty() ? "" : " " + String.join(" ", parts))
        + message;
  }

  private static String state(StageState state) {
    if (state == null) {
      return " ";
    }
    return switch (state) {
      case COMPLETED -> "✓";
      case FAILED -> "✗";
      case RUNNING -> "▸";
      default -> "·";
    };
  }

  private static String bar(StageStatus stage, int width) {
    long total = Optional.ofNullable(stage.getTotalItems()).orElse(0L);
    long done = Optional.ofNullable(stage.getProcessedItems()).orElse(0L);
    int filled;
    if (stage.getStatus() == StageState.COMPLETED) {
      filled = width;
    } else if (total > 0) {
      filled = (int) Math.min(width, done * width / total);
    } else {
      filled = 0;
    }
    return "#".repeat(filled) + "-".repeat(width - filled);
  }

  private static String items(StageStatus stage) {
    Long done = stage.getProcessedItems();
    Long total = stage.getTotalItems();
    if (total != null) {
      return Optional.ofNullable(done).orElse(0L) + "/" + total;
    }
    return done == null ? "" : done.toString();
  }

  private static String percent(StageStatus stage) {
    Long total = stage.getTotalItems();
    if (total == null || total <= 0) {
      return "";
    }
    long done = Optional.ofNullable(stage.getProcessedItems()).orElse(0L);
    return Math.min(100, done * 100 / total) + "%";
  }

  private static String rate(StageStatus stage) {
    Double rate = stage.getItemsPerSecond();
    return rate == null || rate <= 0 ? "" : String.format("%.1f/s", rate);
  }

  private static String eta(StageStatus stage, Instant now) {
    if (stage.getStatus() != StageState.RUNNING || stage.getEstimatedCompletionAt() == null) {
      return "";
    }
    try {
      long s =
          Math.max(
              0,
              Duration.between(now, Instant.parse(stage.getEstimatedCompletionAt())).toSeconds());
      return String.format("ETA %d:%02d", s / 60, s % 60);
    } catch (DateTimeParseException e) {
      return "";
    }
  }

  private static String fit(String text, int width) {
    if (text.length() <= width) {
      return text;
    }
    return width <= 1 ? text.substring(0, Math.max(0, width)) : text.substring(0, width - 1) + "…";
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
