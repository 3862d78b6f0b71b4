package us.anth.plexus.api.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommandWordsTest {

  static Stream<Arguments> splits() {
    return Stream.of(
        Arguments.of("", List.of()),
        Arguments.of("   \t ", List.of()),
        Arguments.of("demo", List.of("demo")),
        Arguments.of(
            "evaluate accuracy --scorecard-name \"agent scorecard\"",
            List.of("evaluate", "accuracy", "--scorecard-name", "agent scorecard")),
        Arguments.of("  a   b\tc  ", List.of("a", "b", "c")),
        Arguments.of("'single quoted' word", List.of("single quoted", "word")),
        Arguments.of("'it''s'", List.of("its")),
        Arguments.of("a'b'\"c\"d", List.of("abcd")),
        Arguments.of("--name=\"a b\"", List.of("--name=a b")),
        Arguments.of("'' x \"\"", List.of("", "x", "")),
        Arguments.of("a\\ b", List.of("a b")),
        Arguments.of("\\'quote", List.of("'quote")),
        Arguments.of("\"say \\\"hi\\\"\"", List.of("say \"hi\"")),
        Arguments.of("\"back\\\\slash\"", List.of("back\\slash")),
        Arguments.of("\"keep \\n and \\a\"", List.of("keep \\n and \\a")),
        Arguments.of("'no \\escapes \" here'", List.of("no \\escapes \" here")),
        Arguments.of("\"\\$HOME \\`x\\`\"", List.of("$HOME `x`")),
        Arguments.of("$HOME ~ *.txt", List.of("$HOME", "~", "*.txt")),
        Arguments.of("line\\\ncontinued", List.of("linecontinued")),
        Arguments.of("\"multi\nline\"", List.of("multi\nline")),
        Arguments.of("# not a comment", List.of("#", "not", "a", "comment")));
  }

  /** Shell operators and substitutions stay literal words: nothing runs but the one command. */
  static Stream<Arguments> injectionAttempts() {
    return Stream.of(
        Arguments.of("echo hi; rm -rf /", List.of("echo", "hi;", "rm", "-rf", "/")),
        Arguments.of("echo hi ; rm -rf /", List.of("echo", "hi", ";", "rm", "-rf", "/")),
        Arguments.of("echo $(id)", List.of("echo", "$(id)")),
        Arguments.of("echo \"$(id)\"", List.of("echo", "$(id)")),
        Arguments.of("echo `id`", List.of("echo", "`id`")),
        Arguments.of("echo a | sh", List.of("echo", "a", "|", "sh")),
        Arguments.of("true && reboot", List.of("true", "&&", "reboot")),
        Arguments.of("echo x > /etc/passwd", List.of("echo", "x", ">", "/etc/passwd")),
        Arguments.of("echo ok\nrm -rf /", List.of("echo", "ok", "rm", "-rf", "/")),
        Arguments.of("echo ${PATH} &", List.of("echo", "${PATH}", "&")));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource({"splits", "injectionAttempts"})
  void splitsLikeAPosixShellWithoutExpansion(String command, List<String> expected) {
    assertThat(CommandWords.split(command)).isEqualTo(expected);
  }

  static Stream<Arguments> syntaxErrors() {
    return Stream.of(
        Arguments.of("echo 'open", 5, "unterminated single quote at position 5"),
        Arguments.of("say \"hello", 4, "unterminated double quote at position 4"),
        Arguments.of("say \"a\\\"", 4, "unterminated double quote at position 4"),
        Arguments.of("trailing \\", 9, "trailing backslash at position 9"),
        Arguments.of("'ok' \"fine\" 'bad", 12, "unterminated single quote at position 12"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("syntaxErrors")
  void rejectsUnbalancedQuotesNamingThePosition(String command, int position, String message) {
    assertThatThrownBy(() -> CommandWords.split(command))
        .isInstanceOf(CommandSyntaxException.class)
        .hasMessage(message)
        .satisfies(e -> assertThat(((CommandSyntaxException) e).position()).isEqualTo(position));
  }
}
