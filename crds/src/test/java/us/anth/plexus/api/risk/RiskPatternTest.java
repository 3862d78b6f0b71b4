package us.anth.plexus.api.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.command.CommandWords;

class RiskPatternTest {
  private static boolean matches(String pattern, String command) {
    return RiskPattern.parse(pattern).matches(CommandWords.split(command));
  }

  @Test
  void aTrailingStarMatchesEveryCommandStartingWithTheWords() {
    assertThat(matches("evaluate *", "evaluate accuracy --scorecard x")).isTrue();
    assertThat(matches("evaluate *", "evaluate")).isTrue();
    assertThat(matches("evaluate *", "evaluated accuracy")).isFalse();
    assertThat(matches("evaluate *", "report evaluate")).isFalse();
  }

  @Test
  void quotingCannotDodgeARule() {
    assertThat(matches("dataset delete *", "dataset \"delete\" x")).isTrue();
    assertThat(matches("dataset delete *", "'dataset' de'le'te x")).isTrue();
    assertThat(matches("dataset delete *", "dataset\\ delete x")).isFalse(); // one word
    assertThat(matches("dataset delete *", "  dataset   delete  ")).isTrue();
  }

  @Test
  void aLeadingStarMatchesAnyWordsBefore() {
    assertThat(matches("* --force", "dataset load --force")).isTrue();
    assertThat(matches("* --force", "--force")).isTrue();
    assertThat(matches("* --force", "dataset load --force --yes")).isFalse();
    assertThat(matches("* --force *", "dataset load --force --yes")).isTrue();
    assertThat(matches("* --force *", "dataset load \"--force\"")).isTrue();
    assertThat(matches("* --force *", "dataset load --forced")).isFalse();
  }

  @Test
  void aStarInsideAWordMatchesWithinThatWord() {
    assertThat(matches("* --force* *", "x --force=yes")).isTrue();
    assertThat(matches("score delete-*", "score delete-all")).isTrue();
    assertThat(matches("score delete-*", "score delete-all now")).isFalse();
    assertThat(matches("a.b *", "aXb")).isFalse(); // no regex meaning
  }

  @Test
  void quotedPatternWordsMayHoldSpaces() {
    assertThat(matches("run 'my scorecard' *", "run \"my scorecard\" now")).isTrue();
    assertThat(matches("run 'my scorecard' *", "run my scorecard now")).isFalse();
  }

  @Test
  void blankOrUnbalancedPatternsAreRejected() {
    assertThatThrownBy(() -> RiskPattern.parse("  ")).hasMessageContaining("blank");
    assertThatThrownBy(() -> RiskPattern.parse("delete 'x"))
        .hasMessageContaining("unterminated single quote");
  }

  @Test
  void levelsOrderFromReadOnlyToDestructive() {
    assertThat(RiskLevel.Destructive.atLeast(RiskLevel.Modify)).isTrue();
    assertThat(RiskLevel.ReadOnly.atLeast(RiskLevel.Modify)).isFalse();
    assertThat(RiskLevel.max(RiskLevel.Modify, RiskLevel.ReadOnly)).isEqualTo(RiskLevel.Modify);
    assertThat(List.of(RiskLevel.values()))
        .containsExactly(RiskLevel.ReadOnly, RiskLevel.Modify, RiskLevel.Destructive);
  }
}
