package us.anth.plexus.api.target;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A pool's target pattern: {@code /}-separated segments, each a literal name, {@code *} (exactly
 * one segment), or a set {@code [a,b]}; the last may be {@code **} (that point and everything under
 * it: {@code evaluation/**} matches {@code evaluation} and {@code evaluation/accuracy/x}). A
 * pattern that is just {@code *} (or {@code **}) matches every target, as a Plexus worker without
 * patterns does. Names are printable text without {@code / * [ ] ,}; spaces are part of the name.
 */
public record TargetPattern(List<Segment> segments) {
  /** Longest pattern, in characters (the CRD's maxLength). */
  public static final int MAX_LENGTH = Target.MAX_LENGTH;

  /** A literal name: printable characters except the pattern's own {@code / * [ ] ,}. */
  static final String NAME = "[^/*\\[\\],\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Cs}]+";

  /** One segment that is not {@code **}. */
  static final String SEGMENT = "(\\*|" + NAME + "|\\[" + NAME + "(," + NAME + ")*\\])";

  /** Every pattern {@link #parse} accepts, as one regular expression (Java and Go RE2 alike). */
  public static final String REGEX = "^(" + SEGMENT + "/)*(" + SEGMENT + "|\\*\\*)$";

  /**
   * Orders patterns from least to most specific: first the sum of segment scores (name 2, set 1,
   * {@code *}/{@code **} 0); then a pattern without {@code **} beats one with it; then segment by
   * segment from the left (an earlier, more specific segment wins); then the longer pattern.
   */
  public static final Comparator<TargetPattern> SPECIFICITY =
      Comparator.comparingInt(TargetPattern::score)
          .thenComparing(p -> !p.openEnded())
          .thenComparing(TargetPattern::compareSegments);

  /** Parses a pattern; throws {@link InvalidTargetException} naming the problem. */
  public static TargetPattern parse(String text) {
    String input = text == null ? "" : text;
    TargetText quoted = new TargetText("target pattern", input);
    if (input.isEmpty()) {
      throw quoted.fail("is empty");
    }
    int length = input.codePointCount(0, input.length());
    if (length > MAX_LENGTH) {
      throw quoted.fail("is " + length + " characters long; the maximum is " + MAX_LENGTH);
    }
    if (!input.matches(Target.PRINTABLE_REGEX)) {
      throw quoted.fail(quoted.firstUnprintable());
    }
    if (input.equals("*")) {
      return new TargetPattern(List.of(new Segment.Rest()));
    }
    String[] parts = input.split("/", -1);
    List<Segment> segments = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      segments.add(segment(quoted, parts[i], i + 1, i == parts.length - 1));
    }
    return new TargetPattern(List.copyOf(segments));
  }

  private static Segment segment(TargetText quoted, String part, int position, boolean last) {
    String which = "segment " + position + " '" + part + "'";
    if (part.isEmpty()) {
      throw quoted.fail("has an empty segment " + position);
    }
    if (part.equals("**")) {
      if (!last) {
        throw quoted.fail("has '**' in segment " + position + "; '**' may only be last");
      }
      return new Segment.Rest();
    }
    if (part.equals("*")) {
      return new Segment.Any();
    }
    if (part.startsWith("[")) {
      if (!part.endsWith("]")) {
        throw quoted.fail("has an unclosed or misplaced set in " + which);
      }
      LinkedHashSet<String> names = new LinkedHashSet<>();
      for (String name : part.substring(1, part.length() - 1).split(",", -1)) {
        names.add(name(quoted, name, which));
      }
      return new Segment.OneOf(Collections.unmodifiableSet(names));
    }
    return new Segment.Name(name(quoted, part, which));
  }

  private static String name(TargetText quoted, String name, String which) {
    if (name.isEmpty()) {
      throw quoted.fail("has an empty name in " + which);
    }
    for (String reserved : List.of("*", "[", "]", ",")) {
      if (name.contains(reserved)) {
        throw quoted.fail(
            "has '"
                + reserved
                + "' inside the name in "
                + which
                + "; '*' and '**' stand alone, '[a,b]' fills a whole segment");
      }
    }
    return name;
  }

  /** Whether the pattern accepts the target. */
  public boolean matches(Target target) {
    List<String> names = target.segments();
    int fixed = openEnded() ? segments.size() - 1 : segments.size();
    if (openEnded() ? names.size() < fixed : names.size() != fixed) {
      return false;
    }
    for (int i = 0; i < fixed; i++) {
      if (!segments.get(i).matches(names.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether the pattern ends in {@code **} (matches targets of more than one length). */
  public boolean openEnded() {
    return segments.get(segments.size() - 1) instanceof Segment.Rest;
  }

  private int score() {
    return segments.stream().mapToInt(Segment::specificity).sum();
  }

  private int compareSegments(TargetPattern other) {
    for (int i = 0; i < Math.min(segments.size(), other.segments.size()); i++) {
      int byScore =
          Integer.compare(segments.get(i).specificity(), other.segments.get(i).specificity());
      if (byScore != 0) {
        return byScore;
      }
    }
    return Integer.compare(segments.size(), other.segments.size());
  }

  @Override
  public String toString() {
    return String.join("/", segments.stream().map(Segment::toString).toList());
  }
}
