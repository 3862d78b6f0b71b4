package us.anth.plexus.api.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TargetGrammarTest {

  static Stream<Arguments> plexusTargets() {
    return Stream.of(
        Arguments.of("evaluation", List.of("evaluation")),
        Arguments.of("report", List.of("report")),
        Arguments.of("procedure/run/4f1c-9a", List.of("procedure", "run", "4f1c-9a")),
        Arguments.of(
            "evaluation/accuracy/Agent Scorecard v2",
            List.of("evaluation", "accuracy", "Agent Scorecard v2")),
        Arguments.of("a/b/c d/e f", List.of("a", "b", "c d", "e f")),
        Arguments.of("training/gpu-required", List.of("training", "gpu-required")),
        Arguments.of("report/", List.of("report", "")),
        Arguments.of("évaluation/*", List.of("évaluation", "*")));
  }

  @ParameterizedTest
  @MethodSource("plexusTargets")
  void acceptsWhatPlexusWrites(String text, List<String> segments) {
    Target target = Target.parse(text);
    assertThat(target.segments()).isEqualTo(segments);
    assertThat(target).hasToString(text);
  }

  @Test
  void missingOrEmptyTargetIsDefaultCommand() {
    assertThat(Target.orDefault(null).value()).isEqualTo("default/command");
    assertThat(Target.orDefault("").value()).isEqualTo("default/command");
    assertThat(Target.orDefault("report").value()).isEqualTo("report");
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
        "training/* | training | false",
        "training/* | training/a/b | false",
        "*/* | x/y | true",
        "training/gpu-required | training/gpu-requiredx | false",
        "evaluation/** | evaluation | true",
        "evaluation/** | evaluation/accuracy | true",
        "evaluation/** | evaluation/accuracy/Agent Scorecard | true",
        "evaluation/** | evaluations/accuracy | false",
        "evaluation/accuracy/** | evaluation | false",
        "* | evaluation | true",
        "* | procedure/run/abc | true",
        "* | default/command | true",
        "** | a/b/c/d | true",
        "*/** | a | true",
        "evaluation/accuracy/Agent Scorecard | evaluation/accuracy/Agent Scorecard | true",
        "evaluation/accuracy/Agent Scorecard | evaluation/accuracy/Agent | false",
        "procedure/run/* | procedure/run/abc | true",
        "[evaluation,report] | report | true"
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
        "*/gpu-required | */*",
        "evaluation/accuracy/** | evaluation/*",
        "evaluation/* | evaluation/**",
        "*/accuracy | evaluation/**",
        "*/* | *",
        "*/** | *",
        "evaluation/** | *",
        "evaluation | evaluation/**",
        "procedure/run/* | procedure/**"
      })
  void moreSpecificPatternsWin(String stronger, String weaker) {
    assertThat(
            TargetPattern.SPECIFICITY.compare(
                TargetPattern.parse(stronger), TargetPattern.parse(weaker)))
        .isPositive();
    assertThat(
            TargetPattern.SPECIFICITY.compare(
                TargetPattern.parse(weaker), TargetPattern.parse(stronger)))
        .isNegative();
  }

  @Test
  void starAloneAndDoubleStarAreTheSamePattern() {
    assertThat(
            TargetPattern.SPECIFICITY.compare(TargetPattern.parse("*"), TargetPattern.parse("**")))
        .isZero();
  }

  static Stream<Arguments> badTargets() {
    return Stream.of(
        Arguments.of("", "target '' is empty"),
        Arguments.of(null, "target '' is empty"),
        Arguments.of(
            "a/b\n",
            "target 'a/b\\u000A' has the control character U+000A at position 3;"
                + " a target is printable text"),
        Arguments.of(
            "eval\tuation",
            "target 'eval\\u0009uation' has the control character U+0009 at position 4;"
                + " a target is printable text"),
        Arguments.of(
            "a\u200Bb",
            "target 'a\\u200Bb' has the unprintable character U+200B at position 1;"
                + " a target is printable text"),
        Arguments.of(
            "a".repeat(1025),
            "target '" + "a".repeat(60) + "...' is 1025 characters long; the maximum is 1024"));
  }

  @ParameterizedTest
  @MethodSource("badTargets")
  void refusesBadTargetsWithReadableMessages(String text, String message) {
    assertThatThrownBy(() -> Target.parse(text))
        .isInstanceOf(InvalidTargetException.class)
        .hasMessage(message);
  }

  @Test
  void maximumLengthCountsCharactersNotUtf16Units() {
    assertThat(Target.parse("😀".repeat(1024)).value()).hasSize(2048);
  }

  static Stream<Arguments> badPatterns() {
    return Stream.of(
        Arguments.of("", "target pattern '' is empty"),
        Arguments.of("a//b", "target pattern 'a//b' has an empty segment 2"),
        Arguments.of("**/x", "target pattern '**/x' has '**' in segment 1; '**' may only be last"),
        Arguments.of(
            "tr*/x",
            "target pattern 'tr*/x' has '*' inside the name in segment 1 'tr*'; '*' and '**'"
                + " stand alone, '[a,b]' fills a whole segment"),
        Arguments.of(
            "[a,b]c/x",
            "target pattern '[a,b]c/x' has an unclosed or misplaced set in segment 1 '[a,b]c'"),
        Arguments.of("[a,]/x", "target pattern '[a,]/x' has an empty name in segment 1 '[a,]'"),
        Arguments.of("[]/x", "target pattern '[]/x' has an empty name in segment 1 '[]'"),
        Arguments.of(
            "a,b/x",
            "target pattern 'a,b/x' has ',' inside the name in segment 1 'a,b'; '*' and '**'"
                + " stand alone, '[a,b]' fills a whole segment"),
        Arguments.of(
            "x/a\u0007",
            "target pattern 'x/a\\u0007' has the control character U+0007 at position 3"));
  }

  @ParameterizedTest
  @MethodSource("badPatterns")
  void refusesBadPatternsWithReadableMessages(String text, String message) {
    assertThatThrownBy(() -> TargetPattern.parse(text))
        .isInstanceOf(InvalidTargetException.class)
        .hasMessage(message);
  }
}
