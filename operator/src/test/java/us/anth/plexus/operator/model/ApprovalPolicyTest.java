package us.anth.plexus.operator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static us.anth.plexus.operator.testing.TestPools.pool;
import static us.anth.plexus.operator.testing.TestPools.withApproval;

import org.junit.jupiter.api.Test;
import us.anth.plexus.api.PlexusWorkerPool;

class ApprovalPolicyTest {
  private final PlexusWorkerPool pool = withApproval(pool("gpu", "*/*"), "training run", "delete");

  @Test
  void commandsStartingWithARuleNeedApproval() {
    assertThat(ApprovalPolicy.requiredRule(pool, "training run --model x"))
        .contains("training run");
    assertThat(ApprovalPolicy.requiredRule(pool, "  delete   everything")).contains("delete");
  }

  @Test
  void matchingIsByWholeWordsNotCharacters() {
    assertThat(ApprovalPolicy.requiredRule(pool, "training runs")).isEmpty();
    assertThat(ApprovalPolicy.requiredRule(pool, "deleted")).isEmpty();
    assertThat(ApprovalPolicy.requiredRule(pool, "evaluate training run")).isEmpty();
  }

  @Test
  void quotedWordsAreSplitLikeTheRunnerSplitsThem() {
    assertThat(ApprovalPolicy.requiredRule(pool, "'training' \"run\" x")).contains("training run");
    assertThat(ApprovalPolicy.requiredRule(pool, "'training run' x")).isEmpty();
  }

  @Test
  void unparsableCommandsFallBackToWhitespaceWords() {
    assertThat(ApprovalPolicy.requiredRule(pool, "training run \"unclosed"))
        .contains("training run");
  }

  @Test
  void poolsWithoutRulesNeedNoApproval() {
    assertThat(ApprovalPolicy.requiredRule(pool("p", "*/*"), "training run")).isEmpty();
  }
}
