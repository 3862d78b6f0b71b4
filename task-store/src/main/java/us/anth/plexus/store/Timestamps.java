package us.anth.plexus.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The dashboard's timestamp format: ISO-8601 UTC with milliseconds and {@code Z}. */
public final class Timestamps {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  /** Formats an instant, e.g. {@code 2026-11-23T09:15:02.123Z}; null stays null. */
  public static String format(Instant instant) {
    return instant == null ? null : FORMAT.format(instant);
  }
}
