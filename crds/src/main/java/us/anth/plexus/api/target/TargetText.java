package us.anth.plexus.api.target;

import java.util.regex.Pattern;

/** A target or pattern being parsed, quoted (shortened) in the messages that refuse it. */
record TargetText(String kind, String input) {
  private static final int QUOTE_LIMIT = 60;
  private static final Pattern UNPRINTABLE =
      Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Cs}]");

  InvalidTargetException fail(String problem) {
    return new InvalidTargetException(kind + " " + quote() + " " + problem);
  }

  /** "has the control character U+000A at position 3" for the first unprintable character. */
  String firstUnprintable() {
    var matcher = UNPRINTABLE.matcher(input);
    if (!matcher.find()) {
      return "is printable";
    }
    int codePoint = input.codePointAt(matcher.start());
    String kind = Character.isISOControl(codePoint) ? "control character" : "unprintable character";
    return String.format("has the %s U+%04X at position %d", kind, codePoint, matcher.start());
  }

  private String quote() {
    String shown = input.length() > QUOTE_LIMIT ? input.substring(0, QUOTE_LIMIT) + "..." : input;
    return "'" + printable(shown) + "'";
  }

  /** The text with unprintable characters shown as {@code \\uXXXX}, so a message stays one line. */
  private static String printable(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              if (UNPRINTABLE.matcher(new String(Character.toChars(c))).matches()) {
                out.append(String.format("\\u%04X", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }
}
