package us.anth.plexus.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static us.anth.plexus.operator.testing.OperatorHarness.eventually;

import io.fabric8.kubernetes.api.model.Event;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.api.job.JobContract;
import us.anth.plexus.operator.model.Conditions;
import us.anth.plexus.operator.model.JobEnv;
import us.anth.plexus.operator.testing.OperatorHarness;
import us.anth.plexus.operator.testing.TestPools;
import us.anth.plexus.operator.testing.TestTasks;

/**
 * The operator enforces the CRD's rules itself (the in-process API applies no schema): a task that
 * breaks one fails InvalidSpec before any Job, an edit of an immutable field is reported.
 */
class SpecValidationIT {
  private static OperatorHarness harness;

  @BeforeAll
  static void start() {
    harness = OperatorHarness.start();
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void boundsAndUnparseableCommandsFailBeforeAnyJob() {
    String ns = harness.newNamespace();
    harness.createPool(TestPools.pool(ns, ns + "/x"));
    harness.createTask(task(ns, "timeout").timeoutSeconds(-5).buildNew());
    harness.createTask(task(ns, "retries").retry(1000).buildNew());
    harness.createTask(task(ns, "quote").command("evaluate \"unbalanced").buildNew());
    harness.createTask(task(ns, "long").command("x".repeat(40_000)).buildNew());
    harness.createTask(task(ns, "fine").buildNew());

    assertInvalid(ns, "timeout", "spec.timeoutSeconds: Invalid value: -5:");
    assertInvalid(ns, "retries", "spec.retry.maxRetries: Invalid value: 1000:");
    assertInvalid(ns, "quote", "spec.command: ");
    assertInvalid(ns, "long", "spec.command: Too long: may not be more than 32768 bytes");
    eventually().untilAsserted(() -> assertThat(harness.jobOf(ns, "fine")).isNotNull());
    assertThat(harness.jobs(ns)).hasSize(1);
  }

  @Test
  void editingTheCommandAfterTheJobExistsIsReportedAndNeverRun() {
    String ns = harness.newNamespace();
    harness.createPool(TestPools.pool(ns, ns + "/x"));
    harness.createTask(task(ns, "t").command("demo --seconds 1").buildNew());
    eventually().untilAsserted(() -> assertThat(harness.jobOf(ns, "t")).isNotNull());

    harness.patchSpec(ns, "t", Map.of("command", "demo --seconds 999"));

    eventually()
        .untilAsserted(
            () -> {
              var valid =
                  Conditions.find(harness.status(ns, "t").getConditions(), Conditions.SPEC_VALID)
                      .orElseThrow();
              assertThat(valid.getStatus()).isEqualTo("False");
              assertThat(valid.getReason()).isEqualTo("ImmutableFieldChanged");
              assertThat(valid.getMessage())
                  .contains("command and target are immutable; create a new task instead");
            });
    eventually()
        .untilAsserted(
            () ->
                assertThat(harness.events(ns))
                    .extracting(Event::getType, Event::getReason)
                    .contains(Tuple.tuple("Warning", "ImmutableFieldChanged")));
    var env =
        JobEnv.asMap(
            harness
                .jobOf(ns, "t")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getEnv());
    assertThat(env).containsEntry(JobContract.ENV_COMMAND, "demo --seconds 1");
    assertThat(harness.status(ns, "t").getPhase()).isNotEqualTo(TaskPhase.Failed);
  }

  private static TestTasks task(String ns, String name) {
    return TestTasks.builder().namespace(ns).name(name).target(ns + "/x");
  }

  private static void assertInvalid(String ns, String name, String messageStart) {
    eventually()
        .untilAsserted(
            () -> assertThat(harness.status(ns, name).getPhase()).isEqualTo(TaskPhase.Failed));
    var ready =
        Conditions.find(harness.status(ns, name).getConditions(), Conditions.READY).orElseThrow();
    assertThat(ready.getReason()).isEqualTo("InvalidSpec");
    assertThat(ready.getMessage()).startsWith(messageStart);
    assertThat(harness.jobOf(ns, name)).isNull();
  }
}
