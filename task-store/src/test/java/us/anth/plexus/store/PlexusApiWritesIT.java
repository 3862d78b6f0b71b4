package us.anth.plexus.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A Plexus command's own tracker writes the Task through the Plexus API (AppSync), which sets
 * {@code status} without our bookkeeping attributes; the guard judges the stored status, so those
 * writes are respected and nothing we write moves the record backwards from them.
 */
class PlexusApiWritesIT {
  private final LocalDynamo.Tables db = LocalDynamo.tables(true);

  @Test
  void theCommandsFinalStatusIsNeverReplacedByOursButRepeatingItApplies() {
    String id = db.tasks().createTask(NewTask.of("acct-1", "demo", "demo/x", "plexus x"));
    db.tasks().updatePhase(id, TaskPhaseUpdate.to(TaskStatus.RUNNING));
    db.setTaskAttribute(id, "status", AttributeValue.fromS("COMPLETED"));

    assertThat(db.tasks().updatePhase(id, TaskPhaseUpdate.to(TaskStatus.FAILED)).outcome())
        .isEqualTo(WriteResult.Outcome.SUPERSEDED);
    assertThat(db.tasks().updatePhase(id, TaskPhaseUpdate.to(TaskStatus.RUNNING)).outcome())
        .isEqualTo(WriteResult.Outcome.SUPERSEDED);
    assertThat(db.task(id).status()).isEqualTo("COMPLETED");
    assertThat(db.tasks().updatePhase(id, TaskPhaseUpdate.to(TaskStatus.COMPLETED)).outcome())
        .isEqualTo(WriteResult.Outcome.APPLIED);
  }

  @Test
  void aRecordTheCommandMovedOnIsFollowedFromWhereItStands() {
    String id = db.dashboardTask("acct-1", null);
    db.setTaskAttribute(id, "status", AttributeValue.fromS("RUNNING"));

    assertThat(db.tasks().updatePhase(id, TaskPhaseUpdate.to(TaskStatus.PENDING)).outcome())
        .isEqualTo(WriteResult.Outcome.SUPERSEDED);
    assertThat(db.tasks().updatePhase(id, TaskPhaseUpdate.to(TaskStatus.FAILED)).outcome())
        .isEqualTo(WriteResult.Outcome.APPLIED);
    assertThat(db.task(id).status()).isEqualTo("FAILED");
  }
}
