package us.anth.plexus.api.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import us.anth.plexus.api.PlexusWorkerPoolSpecCel;

/**
 * One corpus, every reader: the CRD's expressions (the task's {@code pattern}, the pool's CEL rule)
 * accept exactly the targets and patterns that {@link Target#parse} and {@link TargetPattern#parse}
 * accept, which the bridge, the operator and plexusctl all call.
 */
class TargetCorpusTest {
  static Stream<String> corpus() {
    return Stream.of(
        "evaluation",
        "report",
        "procedure/run/abc-123",
        "evaluation/accuracy/Agent Scorecard",
        "a/b/c d/e f",
        "training/gpu-required",
        "default/command",
        "report/",
        "/x",
        "a//b",
        "*",
        "**",
        "*/*",
        "*/**",
        "evaluation/**",
        "**/x",
        "a/**/b",
        "***",
        "[a,b]/c",
        "[a,b]",
        "[a,b]c/x",
        "[a,]/x",
        "[]/x",
        "[a b,c]/**",
        "a,b/x",
        "tr*/x",
        "a]/x",
        "évaluation/ünïcode",
        "emoji/😀",
        "a/b\n",
        "tab\there",
        "zero\u200Bwidth",
        "line\u2028sep",
        "bell\u0007",
        " leading space",
        "x".repeat(1024));
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void crdTargetPatternAcceptsWhatTargetParseAccepts(String text) {
    assertThat(text.matches(Target.PRINTABLE_REGEX) && !text.isEmpty())
        .isEqualTo(accepts(() -> Target.parse(text)));
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void poolRuleAcceptsWhatTargetPatternParseAccepts(String text) {
    assertThat(text.matches(TargetPattern.REGEX))
        .isEqualTo(accepts(() -> TargetPattern.parse(text)));
  }

  @Test
  void poolCelRuleIsThePatternRegexAsACelLiteral() {
    assertThat(PlexusWorkerPoolSpecCel.patternRegexCel())
        .isEqualTo(TargetPattern.REGEX.replace("\\", "\\\\"));
  }

  private static boolean accepts(Runnable parse) {
    try {
      parse.run();
      return true;
    } catch (InvalidTargetException e) {
      return false;
    }
  }
}
