package us.anth.plexus.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static us.anth.plexus.operator.testing.OperatorHarness.eventually;

import org.junit.jupiter.api.Test;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.operator.model.Conditions;
import us.anth.plexus.operator.testing.OperatorHarness;
import us.anth.plexus.operator.testing.TestPools;
import us.anth.plexus.operator.testing.TestTasks;

/** Self-dependencies and cycles end every task in them Failed/DependencyCycle, naming the cycle. */
class DependencyCycleIT {
  @Test
  void everyTaskInACycleFailsNamingItAndNoJobIsCreated() {
    try (OperatorHarness harness = OperatorHarness.start()) {
      String ns = harness.newNamespace();
      harness.createPool(TestPools.pool(ns, ns + "/x"));
      harness.createTask(task(ns, "self").dependsOn("self").buildNew());
      harness.createTask(task(ns, "a").dependsOn("b").buildNew());
      harness.createTask(task(ns, "b").dependsOn("c").buildNew());
      harness.createTask(task(ns, "c").dependsOn("a").buildNew());
      harness.createTask(task(ns, "waiter").dependsOn("a").buildNew());

      for (String name : new String[] {"self", "a", "b", "c", "waiter"}) {
        eventually()
            .untilAsserted(
                () -> assertThat(harness.status(ns, name).getPhase()).isEqualTo(TaskPhase.Failed));
      }
      assertThat(failure(harness, ns, "self"))
          .isEqualTo("DependencyCycle: dependency cycle: self -> self");
      assertThat(failure(harness, ns, "a"))
          .isEqualTo("DependencyCycle: dependency cycle: a -> b -> c -> a");
      assertThat(failure(harness, ns, "b"))
          .isEqualTo("DependencyCycle: dependency cycle: b -> c -> a -> b");
      assertThat(failure(harness, ns, "c"))
          .isEqualTo("DependencyCycle: dependency cycle: c -> a -> b -> c");
      assertThat(failure(harness, ns, "waiter")).startsWith("DependencyFailed: ");
      assertThat(harness.jobs(ns)).isEmpty();
    }
  }

  private static String failure(OperatorHarness harness, String ns, String name) {
    var failed =
        Conditions.find(harness.status(ns, name).getConditions(), Conditions.FAILED).orElseThrow();
    return failed.getReason() + ": " + failed.getMessage();
  }

  private static TestTasks task(String ns, String name) {
    return TestTasks.builder().namespace(ns).name(name).target(ns + "/x");
  }
}
