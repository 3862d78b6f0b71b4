package us.anth.plexus.bridge;

/** Turns arbitrary text into a valid Kubernetes label value (≤ 63 chars, alphanumeric ends). */
final class LabelValues {
  private static final int MAX_LENGTH = 63;

  private LabelValues() {}

  static String sanitize(String text) {
    if (text == null) {
      return "";
    }
    String value = text.replaceAll("[^A-Za-z0-9._-]", "-");
    if (value.length() > MAX_LENGTH) {
      value = value.substring(0, MAX_LENGTH);
    }
    return value.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
  }
}
