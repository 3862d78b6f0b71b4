package us.anth.plexus.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LeadershipLossTest {

  @Test
  void aLostLeaseExitsWithStatusOneOnAThreadOfItsOwn() throws Exception {
    CompletableFuture<String> exited = new CompletableFuture<>();
    LeadershipLoss loss =
        new LeadershipLoss(
            "lease", status -> exited.complete(Thread.currentThread().getName() + " " + status));

    loss.run();

    assertThat(exited.get(5, TimeUnit.SECONDS)).isEqualTo("leadership-lost-exit 1");
  }

  @Test
  void theLeaseReleasedByItsOwnStopIsNoLoss() throws Exception {
    CompletableFuture<Integer> exited = new CompletableFuture<>();
    LeadershipLoss loss = new LeadershipLoss("lease", exited::complete);

    loss.stopping();
    loss.run();

    Thread.sleep(200);
    assertThat(exited).isNotDone();
  }
}
