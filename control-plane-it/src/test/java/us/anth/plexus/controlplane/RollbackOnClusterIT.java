package us.anth.plexus.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static us.anth.plexus.controlplane.OperatorOnCluster.eventually;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import us.anth.plexus.api.PlexusTask;
import us.anth.plexus.api.PlexusTaskStatus;
import us.anth.plexus.api.TaskPhase;
import us.anth.plexus.api.rollback.RollbackStatus;
import us.anth.plexus.operator.model.JobNames;
import us.anth.plexus.operator.testing.HistorySteps;
import us.anth.plexus.operator.testing.TestPools;
import us.anth.plexus.operator.testing.TestTasks;

/**
 * spec.rollback on the real control plane: the real Job controller retries the failing command,
 * then the operator's rollback Job runs the rollback command once in a real runner (which leaves
 * the task's status alone); a task that succeeds never rolls back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollbackOnClusterIT {
  @TempDir Path dir;
  private OperatorOnCluster on;
  private String ns;

  @BeforeAll
  void start() {
    on = OperatorOnCluster.start(RealCluster.get());
    ns = on.namespace;
    on.createPool(TestPools.pool(ns + "-cpu", ns + "/*"));
  }

  @AfterAll
  void stop() {
    if (on != null) {
      on.close();
      assertThat(on.denials.denied()).as("requests RBAC denied to the operator").isEmpty();
    }
  }

  private Job rollbackJob(String name) {
    PlexusTask task = on.task(name);
    return on.admin()
        .batch()
        .v1()
        .jobs()
        .inNamespace(ns)
        .withName(JobNames.forRollback(task))
        .get();
  }

  @Test
  void aTaskFailingAfterItsRetryRollsBackOnceInARealRunner() throws Exception {
    Path marker = dir.resolve("rolled-back");
    on.createTask(
        TestTasks.builder()
            .name("fails")
            .target(ns + "/work")
            .command("sh -c 'exit 3'")
            .retry(1)
            .rollback("sh -c 'echo undone >> " + marker + "'", false)
            .buildNew());

    PlexusTaskStatus done =
        eventually()
            .until(
                () -> on.status("fails"), s -> s.getRollback() != null && s.getRollback().ended());
    assertThat(done.getRollback().getState()).isEqualTo(RollbackStatus.SUCCEEDED);
    assertThat(done.getRollback().getExitCode()).isZero();
    assertThat(done.getPhase()).isEqualTo(TaskPhase.Failed);
    assertThat(done.getExitCode())
        .as("the rollback's runner leaves the task's status")
        .isEqualTo(3);
    assertThat(Files.readAllLines(marker)).containsExactly("undone");
    assertThat(HistorySteps.of(done.getHistory()))
        .containsSubsequence(
            "Created",
            "Routed",
            "Started#1",
            "AttemptEnded#1=3",
            "Retried#2",
            "AttemptEnded#2=3",
            "Finished",
            "RollbackStarted",
            "RolledBack=0");
    assertThat(done.getHistory().get(0).getBy())
        .as("the creator from the real API server's managedFields")
        .isNotEqualTo("unknown");
    Job rollback = rollbackJob("fails");
    assertThat(rollback.getStatus().getSucceeded()).isEqualTo(1);
    assertThat(on.podsOf(rollback)).hasSize(1);
  }

  @Test
  void aTaskThatSucceedsNeverRollsBack() {
    Path marker = dir.resolve("never");
    on.createTask(
        TestTasks.builder()
            .name("works")
            .target(ns + "/work")
            .command("true")
            .rollback("sh -c 'echo undone >> " + marker + "'", true)
            .buildNew());
    on.awaitPhase("works", TaskPhase.Succeeded);
    eventually()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(20))
        .until(() -> rollbackJob("works") == null && on.status("works").getRollback() == null);
    assertThat(marker).doesNotExist();
  }
}
