package us.anth.plexus.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The one timestamp format of the project: ISO-8601 UTC with milliseconds and {@code Z}, as the
 * dashboard's DynamoDB records hold them. Used for PlexusTask status times (operator and runner)
 * and DynamoDB attributes alike.
 */
public final class Timestamps {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  /** Formats an instant, e.g. {@code 2026-11-23T09:15:02.123Z}; null stays null. */
  public static String format(Instant instant) {
    return instant == null ? null : FORMAT.format(instant);
  }
}
