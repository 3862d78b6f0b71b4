package us.anth.plexus.api.target;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Parser shared by {@link Target} and {@link TargetPattern}; messages name the exact problem. */
final class TargetSyntax {
  /** Longest accepted input; longer strings are rejected before any other check. */
  static final int MAX_LENGTH = 253;

  private static final int QUOTE_LIMIT = 60;

  private final String kind;
  private final String input;

  private TargetSyntax(String kind, String input) {
    this.kind = kind;
    this.input = input;
  }

  /** Splits {@code input} into its two sides, checking length and segment count. */
  static TargetSyntax of(String kind, String input) {
    return new TargetSyntax(kind, input == null ? "" : input);
  }

  List<String> sides() {
    if (input.isEmpty()) {
      throw fail("is empty; expected 'domain/subdomain'");
    }
    if (input.length() > MAX_LENGTH) {
      throw fail("is " + input.length() + " characters long; the maximum is " + MAX_LENGTH);
    }
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (!isNameChar(c) && c != '/' && c != '*' && c != '[' && c != ']' && c != ',') {
        throw fail(
            "has an invalid character "
                + describe(input.codePointAt(i))
                + " at position "
                + i
                + "; names use letters, digits, '.', '_' and '-'");
      }
    }
    checkBrackets();
    List<String> sides = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      } else if (c == '/' && depth == 0) {
        sides.add(input.substring(start, i));
        start = i + 1;
      }
    }
    sides.add(input.substring(start));
    if (sides.size() != 2) {
      throw fail(
          "has "
              + sides.size()
              + " segment"
              + (sides.size() == 1 ? "" : "s")
              + "; expected exactly 2, 'domain/subdomain'");
    }
    return sides;
  }

  private void checkBrackets() {
    int open = -1;
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (c == '[') {
        if (open >= 0) {
          throw fail("has a nested '[' at position " + i);
        }
        open = i;
      } else if (c == ']') {
        if (open < 0) {
          throw fail("has ']' at position " + i + " without a matching '['");
        }
        open = -1;
      } else if (c == '/' && open >= 0) {
        throw fail("has an unclosed set: '[' at position " + open + " is not closed before '/'");
      }
    }
    if (open >= 0) {
      throw fail("has an unclosed set: '[' at position " + open + " is never closed");
    }
  }

  /** Parses one side of a pattern. */
  Segment segment(String side, String which) {
    if (side.isEmpty()) {
      throw fail("has an empty " + which);
    }
    if (side.equals("*")) {
      return new Segment.Any();
    }
    if (side.startsWith("[")) {
      if (!side.endsWith("]")) {
        throw fail("has text after the set in the " + which + " '" + side + "'");
      }
      String body = side.substring(1, side.length() - 1);
      if (body.isEmpty()) {
        throw fail("has an empty set in the " + which);
      }
      LinkedHashSet<String> names = new LinkedHashSet<>();
      for (String name : body.split(",", -1)) {
        names.add(name(name, which + " set member"));
      }
      return new Segment.OneOf(java.util.Collections.unmodifiableSet(names));
    }
    return new Segment.Name(name(side, which));
  }

  /** Checks one literal name. */
  String name(String name, String which) {
    if (name.isEmpty()) {
      throw fail("has an empty " + which);
    }
    if (name.contains("*")) {
      throw fail("uses '*' inside the " + which + " '" + name + "'; '*' must stand alone");
    }
    if (name.contains("[") || name.contains("]")) {
      throw fail("has a misplaced bracket in the " + which + " '" + name + "'");
    }
    if (name.contains(",")) {
      throw fail("has a ',' outside a set in the " + which + " '" + name + "'");
    }
    if (!Character.isLetterOrDigit(name.charAt(0))) {
      throw fail("has " + which + " '" + name + "' that does not start with a letter or digit");
    }
    return name;
  }

  InvalidTargetException fail(String problem) {
    return new InvalidTargetException(kind + " " + quote() + " " + problem);
  }

  private String quote() {
    String shown = input.length() > QUOTE_LIMIT ? input.substring(0, QUOTE_LIMIT) + "..." : input;
    return "'" + shown + "'";
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '_'
        || c == '-';
  }

  private static String describe(int codePoint) {
    if (codePoint == ' ') {
      return "' ' (space)";
    }
    if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)) {
      return String.format("U+%04X", codePoint);
    }
    return "'" + new String(Character.toChars(codePoint)) + "'";
  }
}
