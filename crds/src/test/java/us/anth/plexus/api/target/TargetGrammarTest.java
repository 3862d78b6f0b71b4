package us.anth.plexus.api.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TargetGrammarTest {

  @ParameterizedTest
  @CsvSource({
    "datasets/call-criteria, datasets, call-criteria",
    "training/gpu-required, training, gpu-required",
    "a.b_c-d/0x, a.b_c-d, 0x",
    "9/9, 9, 9"
  })
  void parsesConcreteTargets(String text, String domain, String subdomain) {
    Target target = Target.parse(text);
    assertThat(target.domain()).isEqualTo(domain);
    assertThat(target.subdomain()).isEqualTo(subdomain);
    assertThat(target).hasToString(text);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "datasets/call-criteria | datasets/call-criteria | true",
        "[datasets,training]/call-criteria | training/call-criteria | true",
        "[datasets,training]/call-criteria | scoring/call-criteria | false",
        "*/gpu-required | training/gpu-required | true",
        "*/gpu-required | training/cpu | false",
        "training/* | training/anything | true",
        "*/* | x/y | true",
        "training/gpu-required | training/gpu-required | true",
        "training/gpu-required | training/gpu-requiredx | false"
      })
  void matchesPatterns(String pattern, String target, boolean expected) {
    assertThat(TargetPattern.parse(pattern).matches(Target.parse(target))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "training/gpu-required | [datasets,training]/gpu-required",
        "[datasets,training]/gpu-required | */gpu-required",
        "training/gpu-required | */gpu-required",
        "training/gpu-required | training/*",
        "training/* | */gpu-required",
        "*/gpu-required | */*"
      })
  void moreSpecificPatternsScoreHigher(String stronger, String weaker) {
    assertThat(TargetPattern.parse(stronger).specificity())
        .isGreaterThan(TargetPattern.parse(weaker).specificity());
  }

  static Stream<Arguments> malformedTargets() {
    String longName = "a".repeat(1024);
    return Stream.of(
        Arguments.of("", "target '' is empty; expected 'domain/subdomain'"),
        Arguments.of(null, "target '' is empty; expected 'domain/subdomain'"),
        Arguments.of(
            "training", "target 'training' has 1 segment; expected exactly 2, 'domain/subdomain'"),
        Arguments.of(
            "a/b/c", "target 'a/b/c' has 3 segments; expected exactly 2, 'domain/subdomain'"),
        Arguments.of("/gpu", "target '/gpu' has an empty domain"),
        Arguments.of("training/", "target 'training/' has an empty subdomain"),
        Arguments.of(
            "training/gpu required",
            "target 'training/gpu required' has an invalid character ' ' (space) at position 12;"
                + " names use letters, digits, '.', '_' and '-'"),
        Arguments.of(
            "tráining/x",
            "target 'tráining/x' has an invalid character 'á' at position 2;"
                + " names use letters, digits, '.', '_' and '-'"),
        Arguments.of(
            "a/b\n",
            "target 'a/b\n' has an invalid character U+000A at position 3;"
                + " names use letters, digits, '.', '_' and '-'"),
        Arguments.of(
            "-training/x",
            "target '-training/x' has domain '-training' that does not start with a letter or digit"),
        Arguments.of(
            "*/gpu-required",
            "target '*/gpu-required' is a pattern; a task target names one domain and one subdomain"),
        Arguments.of(
            longName + "/x",
            "target '" + "a".repeat(60) + "...' is 1026 characters long; the maximum is 253"));
  }

  @ParameterizedTest
  @MethodSource("malformedTargets")
  void rejectsMalformedTargetsWithExactMessages(String text, String message) {
    assertThatThrownBy(() -> Target.parse(text))
        .isInstanceOf(InvalidTargetException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> malformedPatterns() {
    return Stream.of(
        Arguments.of("", "target pattern '' is empty; expected 'domain/subdomain'"),
        Arguments.of(
            "[datasets,training/x",
            "target pattern '[datasets,training/x' has an unclosed set: '[' at position 0 is not"
                + " closed before '/'"),
        Arguments.of(
            "x/[a,b",
            "target pattern 'x/[a,b' has an unclosed set: '[' at position 2 is never closed"),
        Arguments.of("x/a]", "target pattern 'x/a]' has ']' at position 3 without a matching '['"),
        Arguments.of("[]/x", "target pattern '[]/x' has an empty set in the domain"),
        Arguments.of("[a,]/x", "target pattern '[a,]/x' has an empty domain set member"),
        Arguments.of("[[a]]/x", "target pattern '[[a]]/x' has a nested '[' at position 1"),
        Arguments.of(
            "tr*/x",
            "target pattern 'tr*/x' uses '*' inside the domain 'tr*'; '*' must stand alone"),
        Arguments.of(
            "[a,b]c/x", "target pattern '[a,b]c/x' has text after the set in the domain '[a,b]c'"),
        Arguments.of("a,b/x", "target pattern 'a,b/x' has a ',' outside a set in the domain 'a,b'"),
        Arguments.of(
            "*/*/*",
            "target pattern '*/*/*' has 3 segments; expected exactly 2, 'domain/subdomain'"),
        Arguments.of(
            "[a, b]/x",
            "target pattern '[a, b]/x' has an invalid character ' ' (space) at position 3;"
                + " names use letters, digits, '.', '_' and '-'"));
  }

  @ParameterizedTest
  @MethodSource("malformedPatterns")
  void rejectsMalformedPatternsWithExactMessages(String text, String message) {
    assertThatThrownBy(() -> TargetPattern.parse(text))
        .isInstanceOf(InvalidTargetException.class)
        .hasMessage(message);
  }
}
