package us.anth.plexus.api.target;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A task target as Plexus writes it: any non-empty string of printable characters up to {@value
 * #MAX_LENGTH} characters, read as 1 to n {@code /}-separated segments (spaces, hyphens and empty
 * segments allowed), e.g. {@code evaluation}, {@code procedure/run/abc} or {@code
 * evaluation/accuracy/agent scorecard}. A missing or empty target is {@value #DEFAULT}, as Plexus's
 * own dispatcher does.
 */
public record Target(String value) {
  /** The target of a task that names none (Plexus's dispatcher's default). */
  public static final String DEFAULT = "default/command";

  /** Longest target, in Unicode code points (the unit of the CRD's maxLength). */
  public static final int MAX_LENGTH = 1024;

  /**
   * What every target matches: no control, format or line/paragraph-separator character. The CRD
   * uses this very expression (Java and Go RE2 read these Unicode classes alike).
   */
  public static final String PRINTABLE_REGEX = "^[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Cs}]*$";

  private static final Pattern PRINTABLE = Pattern.compile(PRINTABLE_REGEX);

  /** Parses a target; null or empty becomes {@value #DEFAULT}. */
  public static Target orDefault(String text) {
    return parse(text == null || text.isEmpty() ? DEFAULT : text);
  }

  /** Parses a target; throws {@link InvalidTargetException} naming the problem. */
  public static Target parse(String text) {
    String input = text == null ? "" : text;
    TargetText quoted = new TargetText("target", input);
    if (input.isEmpty()) {
      throw quoted.fail("is empty");
    }
    int length = input.codePointCount(0, input.length());
    if (length > MAX_LENGTH) {
      throw quoted.fail("is " + length + " characters long; the maximum is " + MAX_LENGTH);
    }
    if (!PRINTABLE.matcher(input).matches()) {
      throw quoted.fail(quoted.firstUnprintable() + "; a target is printable text");
    }
    return new Target(input);
  }

  /** The {@code /}-separated segments, 1 or more. */
  public List<String> segments() {
    return List.of(value.split("/", -1));
  }

  @Override
  public String toString() {
    return value;
  }
}
