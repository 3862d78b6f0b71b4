package us.anth.plexus.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The CLI's reads and deletes, and metadata written by others as a map. */
class TaskQueriesIT {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private final LocalDynamo.Tables db = LocalDynamo.tables(false, clock);

  @Test
  void listsAnAccountsTasksMostRecentlyUpdatedFirst() {
    String first = create("acct-a");
    clock.advance(Duration.ofSeconds(1));
    String second = create("acct-a");
    clock.advance(Duration.ofSeconds(1));
    create("acct-b");
    clock.advance(Duration.ofSeconds(1));
    db.tasks().updatePhase(first, TaskPhaseUpdate.to(TaskStatus.RUNNING));

    List<TaskRecord> tasks = db.tasks().listByAccount("acct-a", 10);

    assertThat(tasks).extracting(TaskRecord::id).containsExactly(first, second);
    assertThat(db.tasks().listByAccount("acct-a", 1))
        .extracting(TaskRecord::id)
        .containsExactly(first);
    assertThat(db.tasks().listByAccount("acct-none", 10)).isEmpty();
  }

  @Test
  void deleteTaskRemovesTheTaskAndItsStagesOnly() {
    String doomed = create("acct-a");
    String kept = create("acct-a");
    for (String id : List.of(doomed, kept)) {
      db.stages().upsert(StageUpdate.of(id, "Setup", 1, TaskStatus.COMPLETED, 1));
      db.stages().upsert(StageUpdate.of(id, "Processing", 2, TaskStatus.RUNNING, 1));
    }

    assertThat(db.tasks().deleteTask(doomed)).isTrue();

    assertThat(db.tasks().find(doomed)).isEmpty();
    assertThat(db.stages().listStages(doomed)).isEmpty();
    assertThat(db.tasks().find(kept)).isPresent();
    assertThat(db.stages().listStages(kept)).hasSize(2);
    assertThat(db.tasks().deleteTask(doomed)).isFalse();
  }

  @Test
  void aMapMetadataGetsTheKubernetesRefNestedAndKeepsItsKeys() {
    String id = db.dashboardTask("acct-a", null);
    db.setTaskAttribute(
        id, "metadata", AttributeValue.fromM(Map.of("scorecard", AttributeValue.fromS("sc-1"))));

    db.tasks().claimForDispatch(id, "test-dispatcher");
    db.tasks().markDispatched(id, Map.of("namespace", "plexus", "name", "t1"));

    String metadata = db.task(id).metadata();
    assertThat(AttributeJson.parseObject(metadata).get("scorecard").asText()).isEqualTo("sc-1");
    assertThat(AttributeJson.parseObject(metadata).get("kubernetes").get("name").asText())
        .isEqualTo("t1");
  }

  @Test
  void aCreateWithAKnownIdIsIdempotent() {
    NewTask task = NewTask.of("acct-a", "demo", "demo/x", "demo");
    db.tasks().createTask("uid-1", task);
    db.tasks().updatePhase("uid-1", TaskPhaseUpdate.to(TaskStatus.RUNNING));

    assertThat(db.tasks().createTask("uid-1", task)).isEqualTo("uid-1");
    assertThat(db.task("uid-1").status()).isEqualTo("RUNNING");
  }

  private String create(String account) {
    return db.tasks().createTask(NewTask.of(account, "demo", "demo/x", "demo"));
  }

  @Test
  void blankIndexKeysAreLeftOutInsteadOfFailingTheCreate() {
    String id =
        db.tasks().createTask(new NewTask("acct-a", "demo", "demo/x", "demo", null, null, "", " "));

    TaskRecord task = db.task(id);
    assertThat(task.scorecardId()).isNull();
    assertThat(task.scoreId()).isNull();
    assertThat(db.tasks().listByAccount("acct-a", 5))
        .extracting(TaskRecord::id)
        .containsExactly(id);
  }
}
