package us.anth.plexus.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** An object's age as kubectl prints it: 45s, 12m, 3h, 5d. Pure. */
final class Age {
  private Age() {}

  static String of(String creationTimestamp, Instant now) {
    if (creationTimestamp == null || creationTimestamp.isBlank()) {
      return "";
    }
    try {
      Duration age = Duration.between(Instant.parse(creationTimestamp), now);
      long s = Math.max(0, age.toSeconds());
      if (s < 120) {
        return s + "s";
      }
      if (s < 7200) {
        return s / 60 + "m";
      }
      return s < 172800 ? s / 3600 + "h" : s / 86400 + "d";
    } catch (DateTimeParseException e) {
      return "";
    }
  }
}
