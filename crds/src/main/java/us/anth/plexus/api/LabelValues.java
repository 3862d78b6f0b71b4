package us.anth.plexus.api;

import java.util.Locale;

/** Turns arbitrary strings into valid Kubernetes label values and DNS-1123 name parts. */
public final class LabelValues {
  /** Longest label value (and Job name) Kubernetes accepts. */
  public static final int MAX_LENGTH = 63;

  private LabelValues() {}

  /** A valid label value: at most 63 chars of [A-Za-z0-9._-], alphanumeric at both ends. */
  public static String sanitize(String value) {
    if (value == null) {
      return "";
    }
    String replaced = value.replaceAll("[^A-Za-z0-9._-]", "-");
    return trimEnds(replaced.length() > MAX_LENGTH ? replaced.substring(0, MAX_LENGTH) : replaced);
  }

  /** A DNS-1123 label part: lower case [a-z0-9-], alphanumeric at both ends, at most maxLength. */
  public static String dnsLabel(String value, int maxLength) {
    String replaced = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    return trimEnds(replaced.length() > maxLength ? replaced.substring(0, maxLength) : replaced);
  }

  private static String trimEnds(String value) {
    return value.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
  }
}
