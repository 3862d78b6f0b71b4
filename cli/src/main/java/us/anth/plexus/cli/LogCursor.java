package us.anth.plexus.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Where a log follower is in one pod's log. Reads are asked with {@code timestamps=true} and {@code
 * sinceTime} = the last shown line's second, so each answer repeats a little; this passes on only
 * the lines not shown before (lines sharing the last time are counted). Pure.
 */
final class LogCursor {
  private Instant last;
  private int shownAtLast;
  private int seenAtLastThisRead;

  /** The {@code sinceTime} for the next read (RFC 3339, whole seconds), or empty for all. */
  Optional<String> sinceTime() {
    return Optional.ofNullable(last).map(t -> t.truncatedTo(ChronoUnit.SECONDS).toString());
  }

  /** Call before feeding the lines of a new read. */
  void startRead() {
    seenAtLastThisRead = 0;
  }

  /** The line's text (without its timestamp) when it was not shown before, else empty. */
  Optional<String> accept(String stampedLine) {
    int space = stampedLine.indexOf(' ');
    Instant stamped = space < 0 ? null : parse(stampedLine.substring(0, space));
    String text = stampedLine.substring(stamped == null ? 0 : space + 1);
    // A line without a timestamp (a server that ignores timestamps=true) counts as one more line
    // at the last time, so a re-read of the same lines is still recognised.
    Instant at = stamped != null ? stamped : last != null ? last : Instant.EPOCH;
    if (last != null && at.isBefore(last)) {
      return Optional.empty();
    }
    if (at.equals(last)) {
      seenAtLastThisRead++;
      if (seenAtLastThisRead <= shownAtLast) {
        return Optional.empty();
      }
      shownAtLast++;
      return Optional.of(text);
    }
    last = at;
    shownAtLast = 1;
    seenAtLastThisRead = 1;
    return Optional.of(text);
  }

  private static Instant parse(String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
