package us.anth.plexus.devkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import us.anth.plexus.store.MonotonicSequence;
import us.anth.plexus.store.NewTask;
import us.anth.plexus.store.TaskPhaseUpdate;
import us.anth.plexus.store.TaskRecordStore;
import us.anth.plexus.store.TaskRunnerUpdate;
import us.anth.plexus.store.TaskStatus;
import us.anth.plexus.store.TaskStoreSettings;
import us.anth.plexus.store.WriteResult;

class EmbeddedDynamoIT {

  @Test
  void servesTheTablesOverHttpOnLoopback() {
    try (EmbeddedDynamo dynamo = EmbeddedDynamo.start()) {
      assertThat(dynamo.endpoint()).isEqualTo("http://127.0.0.1:" + dynamo.port());
      assertThat(dynamo.settings().enabled()).isTrue();
      assertThat(dynamo.client().listTables().tableNames()).contains("Task", "TaskStage");

      TaskRecordStore store = new TaskRecordStore(dynamo.client(), dynamo.settings());
      String id = store.createTask(NewTask.of("acct-1", "demo", "demo/x", "demo"));
      assertThat(store.find(id))
          .hasValueSatisfying(t -> assertThat(t.status()).isEqualTo("PENDING"));
    }
  }

  @Test
  void keepsItsDataAcrossStopAndRestart() {
    try (EmbeddedDynamo dynamo = EmbeddedDynamo.start()) {
      TaskRecordStore store = new TaskRecordStore(dynamo.client(), dynamo.settings());
      String id = store.createTask(NewTask.of("acct-1", "demo", "demo/x", "demo"));

      dynamo.stop();
      dynamo.restart();

      assertThat(store.find(id)).isPresent();
    }
  }

  @Test
  void concurrentWritersOverHttpLoseNothing() throws Exception {
    TaskStoreSettings settings = TaskStoreSettings.defaults().withDataStoreFields(true);
    try (EmbeddedDynamo dynamo = EmbeddedDynamo.start(settings, false)) {
      TaskRecordStore store = new TaskRecordStore(dynamo.client(), dynamo.settings());
      String id = store.createTask(NewTask.of("acct-1", "demo", "demo/x", "demo"));
      MonotonicSequence sequence = new MonotonicSequence();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Callable<Integer>> writers = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        boolean operator = t % 2 == 0;
        writers.add(
            () -> {
              int applied = 0;
              for (int i = 0; i < 50; i++) {
                WriteResult result =
                    operator
                        ? store.updatePhase(id, TaskPhaseUpdate.to(TaskStatus.RUNNING))
                        : store.updateRunnerState(
                            id, TaskRunnerUpdate.progress(sequence.next(), "s", null));
                applied += result.outcome() == WriteResult.Outcome.APPLIED ? 1 : 0;
              }
              return applied;
            });
      }
      int applied = 0;
      try {
        for (Future<Integer> writer : pool.invokeAll(writers)) {
          applied += writer.get();
        }
      } finally {
        pool.shutdownNow();
      }

      assertThat(store.find(id).orElseThrow().version()).isEqualTo(applied + 1L);
      assertThat(applied).isGreaterThanOrEqualTo(200);
    }
  }
}
