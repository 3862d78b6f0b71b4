package us.anth.plexus.operator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static us.anth.plexus.operator.testing.TestPools.pool;
import static us.anth.plexus.operator.testing.TestPools.withApproval;
import static us.anth.plexus.operator.testing.TestPools.withRisk;

import java.util.Map;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusWorkerPool;
import us.anth.plexus.api.risk.RiskLevel;

class RiskAssessmentTest {
  private final PlexusWorkerPool pool =
      withRisk(
          pool("ops", "*/*"),
          RiskLevel.Destructive,
          600L,
          "evaluate *=ReadOnly",
          "dataset delete *=Destructive",
          "* --force *=Destructive");

  private RiskAssessment assess(String command) {
    return RiskAssessment.of(command, pool, RiskDefaults.defaults());
  }

  @Test
  void rulesMatchTheParsedWords() {
    assertThat(assess("evaluate accuracy --scorecard x").level()).isEqualTo(RiskLevel.ReadOnly);
    RiskAssessment delete = assess("dataset delete my-set");
    assertThat(delete.level()).isEqualTo(RiskLevel.Destructive);
    assertThat(delete.rule()).isEqualTo("dataset delete *");
    assertThat(delete.approvalRequired()).isTrue();
    assertThat(delete.approvalTimeoutSeconds()).isEqualTo(600L);
  }

  @Test
  void quotingCannotDodgeARule() {
    assertThat(assess("dataset \"delete\" x").level()).isEqualTo(RiskLevel.Destructive);
    assertThat(assess("'dataset' 'delete' x").level()).isEqualTo(RiskLevel.Destructive);
    assertThat(assess("evaluate accuracy '--force'").level()).isEqualTo(RiskLevel.Destructive);
  }

  @Test
  void theMostSevereMatchingRuleWins() {
    RiskAssessment forced = assess("evaluate accuracy --force");
    assertThat(forced.level()).isEqualTo(RiskLevel.Destructive);
    assertThat(forced.rule()).isEqualTo("* --force *");
  }

  @Test
  void unmatchedCommandsTakeThePoolsDefaultElseTheOperators() {
    RiskAssessment unmatched = assess("dataset load x");
    assertThat(unmatched.level()).isEqualTo(RiskLevel.Modify);
    assertThat(unmatched.rule()).isEqualTo(RiskAssessment.DEFAULT_RULE);
    assertThat(unmatched.approvalRequired()).isFalse();

    pool.getSpec().getRisk().setDefaultLevel(RiskLevel.Destructive);
    assertThat(assess("dataset load x").level()).isEqualTo(RiskLevel.Destructive);
  }

  @Test
  void clusterRulesApplyOnEveryPoolAndTheClusterSaysFromWhenApprovalIsNeeded() {
    RiskDefaults defaults =
        RiskDefaults.fromEnv(
            Map.of(
                "PLEXUS_RISK_RULES", "score delete *=Destructive; report *=ReadOnly",
                "PLEXUS_RISK_DEFAULT_LEVEL", "ReadOnly",
                "PLEXUS_APPROVAL_REQUIRED_FROM", "Modify"));
    PlexusWorkerPool plain = pool("plain", "*/*");
    RiskAssessment delete = RiskAssessment.of("score delete 7", plain, defaults);
    assertThat(delete.level()).isEqualTo(RiskLevel.Destructive);
    assertThat(delete.approvalRequiredFrom()).isEqualTo(RiskLevel.Modify);
    assertThat(RiskAssessment.of("whatever", plain, defaults).level())
        .isEqualTo(RiskLevel.ReadOnly);
    assertThat(RiskAssessment.of("whatever", plain, defaults).approvalRequired()).isFalse();

    RiskDefaults never = RiskDefaults.fromEnv(Map.of("PLEXUS_APPROVAL_REQUIRED_FROM", "Never"));
    assertThat(RiskAssessment.of("x", plain, never).approvalRequiredFrom()).isNull();
    assertThat(RiskDefaults.defaults().approvalRequiredFrom()).isEqualTo(RiskLevel.Destructive);
    assertThat(RiskDefaults.defaults().defaultLevel()).isEqualTo(RiskLevel.Modify);
  }

  @Test
  void badClusterRulesFailWithOneLineNamingTheSetting() {
    assertThatThrownBy(() -> RiskDefaults.fromEnv(Map.of("PLEXUS_RISK_RULES", "delete *")))
        .hasMessage("PLEXUS_RISK_RULES: 'delete *' is not pattern=ReadOnly|Modify|Destructive");
    assertThatThrownBy(() -> RiskDefaults.fromEnv(Map.of("PLEXUS_RISK_RULES", "delete *=Huge")))
        .hasMessageStartingWith("PLEXUS_RISK_RULES: bad rule 'delete *=Huge'");
    assertThatThrownBy(() -> RiskDefaults.fromEnv(Map.of("PLEXUS_RISK_RULES", "'x=Modify")))
        .hasMessageContaining("unterminated single quote");
  }

  @Test
  void anUnparseablePoolRuleCountsAsADestructiveMatch() {
    PlexusWorkerPool broken = withRisk(pool("b", "*/*"), RiskLevel.Destructive, null, "'x=Modify");
    RiskAssessment assessed = RiskAssessment.of("anything", broken, RiskDefaults.defaults());
    assertThat(assessed.level()).isEqualTo(RiskLevel.Destructive);
    assertThat(assessed.rule()).isEqualTo("'x");
  }

  @Test
  void deprecatedApprovalRequiredForPrefixesAreDestructiveRulesNeedingApproval() {
    PlexusWorkerPool legacy = withApproval(pool("gpu", "*/*"), "training run", "delete");
    RiskAssessment training =
        RiskAssessment.of("training run --model x", legacy, RiskDefaults.defaults());
    assertThat(training.level()).isEqualTo(RiskLevel.Destructive);
    assertThat(training.rule()).isEqualTo("training run *");
    assertThat(training.approvalRequired()).isTrue();
    assertThat(RiskAssessment.of("'training run' x", legacy, RiskDefaults.defaults()).level())
        .isEqualTo(RiskLevel.Modify);
    assertThat(RiskAssessment.of("training runs", legacy, RiskDefaults.defaults()).level())
        .isEqualTo(RiskLevel.Modify);

    RiskDefaults never = RiskDefaults.fromEnv(Map.of("PLEXUS_APPROVAL_REQUIRED_FROM", "Never"));
    assertThat(RiskAssessment.of("delete x", legacy, never).approvalRequired()).isTrue();
  }

  @Test
  void anUnparseableCommandFallsBackToWhitespaceWords() {
    assertThat(assess("dataset delete \"unclosed").level()).isEqualTo(RiskLevel.Destructive);
  }
}
