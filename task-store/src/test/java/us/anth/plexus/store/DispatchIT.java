package us.anth.plexus.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DispatchIT {
  private final LocalDynamo.Tables db = LocalDynamo.tables(false);

  @Test
  void claimTakesAPendingTaskOnlyOnce() {
    String id = db.dashboardTask("acct-1", null);

    assertThat(db.tasks().claimForDispatch(id, "test-dispatcher")).isTrue();
    assertThat(db.task(id).dispatchStatus()).isEqualTo("DISPATCHING");
    assertThat(db.tasks().claimForDispatch(id, "test-dispatcher")).isFalse();
  }

  @Test
  void concurrentClaimsHaveExactlyOneWinner() throws Exception {
    String id = db.dashboardTask("acct-1", null);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> claims = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        claims.add(() -> db.tasks().claimForDispatch(id, "test-dispatcher"));
      }
      int winners = 0;
      for (Future<Boolean> claim : pool.invokeAll(claims)) {
        winners += claim.get() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void claimRefusesMissingAndAlreadyDispatchedTasks() {
    String created = db.tasks().createTask(NewTask.of("acct-1", "demo", "demo/x", "demo"));

    assertThat(db.tasks().claimForDispatch("no-such-task", "test-dispatcher")).isFalse();
    assertThat(db.tasks().find("no-such-task")).isEmpty();
    assertThat(db.tasks().claimForDispatch(created, "test-dispatcher")).isFalse();
  }

  @Test
  void markDispatchedKeepsTheDashboardMetadataAndAddsTheKubernetesRef() {
    String id = db.dashboardTask("acct-1", "{\"scorecard\":\"sc-1\",\"n\":3}");
    db.tasks().claimForDispatch(id, "test-dispatcher");

    db.tasks().markDispatched(id, Map.of("namespace", "plexus", "name", "task-" + id));

    TaskRecord task = db.task(id);
    assertThat(task.dispatchStatus()).isEqualTo("DISPATCHED");
    assertThat(task.status()).isEqualTo("PENDING");
    assertThat(task.metadata())
        .contains("\"scorecard\":\"sc-1\"", "\"n\":3", "\"namespace\":\"plexus\"", "task-" + id);
  }

  @Test
  void markDispatchedDoesNotResurrectAFailedDispatch() {
    String id = db.dashboardTask("acct-1", null);
    db.tasks().claimForDispatch(id, "test-dispatcher");
    db.tasks().markDispatchFailed(id, "no pool matches target evaluation/accuracy");

    db.tasks().markDispatched(id, Map.of("namespace", "plexus"));

    TaskRecord task = db.task(id);
    assertThat(task.dispatchStatus()).isEqualTo("ERROR");
    assertThat(task.status()).isEqualTo("FAILED");
    assertThat(task.errorMessage()).isEqualTo("no pool matches target evaluation/accuracy");
    assertThat(task.completedAt()).isNotNull();
    assertThat(task.metadata()).isNull();
  }

  @Test
  void markDispatchFailedNeverOverwritesAFinishedTask() {
    String id = db.tasks().createTask(NewTask.of("acct-1", "demo", "demo/x", "demo"));
    db.tasks().updatePhase(id, TaskPhaseUpdate.to(TaskStatus.COMPLETED));

    db.tasks().markDispatchFailed(id, "late failure");

    TaskRecord task = db.task(id);
    assertThat(task.status()).isEqualTo("COMPLETED");
    assertThat(task.dispatchStatus()).isEqualTo("DISPATCHED");
    assertThat(task.errorMessage()).isNull();
  }
}
