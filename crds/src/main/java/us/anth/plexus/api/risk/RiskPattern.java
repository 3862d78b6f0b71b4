package us.anth.plexus.api.risk;

import java.util.List;
import java.util.regex.Pattern;
import us.anth.plexus.api.command.CommandWords;

/**
 * A risk rule's pattern over parsed command words (see {@link RiskRule#getMatch()}): the pattern is
 * split with the same {@link CommandWords} rules as the command, a word {@code *} matches any run
 * of words (none included), a {@code *} inside a word any characters of one word, any other word
 * only itself. Pure.
 */
public final class RiskPattern {
  private static final String ANY_WORDS = "*";

  private final String text;
  private final List<String> words;

  private RiskPattern(String text, List<String> words) {
    this.text = text;
    this.words = words;
  }

  /**
   * Parses a pattern.
   *
   * @throws IllegalArgumentException on a blank pattern or unbalanced quotes
   */
  public static RiskPattern parse(String text) {
    List<String> words;
    try {
      words = CommandWords.split(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("risk pattern '" + text + "': " + e.getMessage(), e);
    }
    if (words.isEmpty()) {
      throw new IllegalArgumentException("risk pattern is blank");
    }
    return new RiskPattern(text, words);
  }

  /** Whether the pattern covers all of {@code commandWords}. */
  public boolean matches(List<String> commandWords) {
    return matchFrom(0, commandWords, 0);
  }

  private boolean matchFrom(int p, List<String> command, int c) {
    if (p == words.size()) {
      return c == command.size();
    }
    String word = words.get(p);
    if (word.equals(ANY_WORDS)) {
      for (int next = c; next <= command.size(); next++) {
        if (matchFrom(p + 1, command, next)) {
          return true;
        }
      }
      return false;
    }
    return c < command.size()
        && wordMatches(word, command.get(c))
        && matchFrom(p + 1, command, c + 1);
  }

  private static boolean wordMatches(String patternWord, String commandWord) {
    if (patternWord.indexOf('*') < 0) {
      return patternWord.equals(commandWord);
    }
    String regex =
        java.util.Arrays.stream(patternWord.split("\\*", -1))
            .map(Pattern::quote)
            .collect(java.util.stream.Collectors.joining(".*"));
    return Pattern.compile(regex, Pattern.DOTALL).matcher(commandWord).matches();
  }

  @Override
  public String toString() {
    return text;
  }
}
