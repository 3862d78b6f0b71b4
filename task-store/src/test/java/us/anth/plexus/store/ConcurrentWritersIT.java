package us.anth.plexus.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Operator phase writes and runner progress writes racing on one task lose nothing. */
class ConcurrentWritersIT {
  private static final int THREADS = 8;
  private static final int ITERATIONS = 200;

  private final LocalDynamo.Tables db = LocalDynamo.tables(true);

  @Test
  void phaseAndProgressWritersOnTheSameTaskLoseNothing() throws Exception {
    String id = db.tasks().createTask(NewTask.of("acct-1", "demo", "demo/x", "demo"));
    AtomicLong clock = new AtomicLong();
    List<Callable<Integer>> writers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      boolean operator = t % 2 == 0;
      writers.add(() -> operator ? operatorWrites(id) : runnerWrites(id, clock));
    }

    int applied = 0;
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (Future<Integer> writer : pool.invokeAll(writers)) {
        applied += writer.get();
      }
    } finally {
      pool.shutdownNow();
    }
    WriteResult done = db.tasks().updatePhase(id, TaskPhaseUpdate.to(TaskStatus.COMPLETED));

    long highest = clock.get();
    TaskRecord task = db.task(id);
    assertThat(done.outcome()).isEqualTo(WriteResult.Outcome.APPLIED);
    assertThat(task.status()).isEqualTo("COMPLETED");
    assertThat(task.workerNodeId()).isEqualTo("pod-1");
    assertThat(task.currentStageId()).isEqualTo("stage-" + highest);
    assertThat(task.version()).isEqualTo(applied + 2L);
    TaskStageRecord stage = db.stages().listStages(id).get(0);
    assertThat(stage.processedItems()).isEqualTo(highest);
  }

  @Test
  void concurrentMetadataMergesKeepEveryOtherKey() throws Exception {
    String id =
        db.tasks()
            .createTask(
                new NewTask(
                    "acct-1",
                    "demo",
                    "demo/x",
                    "demo",
                    null,
                    "{\"source\":\"kubectl\"}",
                    null,
                    null));
    List<Callable<Integer>> writers = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      String writer = "writer-" + t;
      writers.add(
          () -> {
            for (int i = 0; i < 100; i++) {
              WriteResult result =
                  db.tasks()
                      .updatePhase(
                          id,
                          TaskPhaseUpdate.to(TaskStatus.RUNNING)
                              .kubernetes(java.util.Map.of("name", writer, "i", "" + i)));
              assertThat(result.outcome())
                  .as("%s", result.error())
                  .isEqualTo(WriteResult.Outcome.APPLIED);
            }
            return 100;
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (Future<Integer> writer : pool.invokeAll(writers)) {
        writer.get();
      }
    } finally {
      pool.shutdownNow();
    }

    TaskRecord task = db.task(id);
    assertThat(task.version()).isEqualTo(201L);
    var metadata = AttributeJson.parseObject(task.metadata());
    assertThat(metadata.get("source").asText()).isEqualTo("kubectl");
    assertThat(metadata.get("kubernetes").get("i").asText()).isEqualTo("99");
  }

  private int operatorWrites(String id) {
    int applied = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      WriteResult result =
          db.tasks().updatePhase(id, TaskPhaseUpdate.to(TaskStatus.RUNNING).workerNodeId("pod-1"));
      assertThat(result.synced()).isTrue();
      applied += result.outcome() == WriteResult.Outcome.APPLIED ? 1 : 0;
    }
    return applied;
  }

  private int runnerWrites(String id, AtomicLong clock) {
    int applied = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      long seq = clock.incrementAndGet();
      WriteResult result =
          db.tasks().updateRunnerState(id, TaskRunnerUpdate.progress(seq, "stage-" + seq, null));
      db.stages()
          .upsert(StageUpdate.of(id, "Processing", 1, TaskStatus.RUNNING, seq).items(seq, 10_000L));
      assertThat(result.synced()).isTrue();
      applied += result.outcome() == WriteResult.Outcome.APPLIED ? 1 : 0;
    }
    return applied;
  }
}
