package us.anth.plexus.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import us.anth.plexus.api.Timestamps;

/**
 * The Task writes as pure functions: each adds its fields and its condition to a stamped {@link
 * RecordUpdate}. {@link TaskRecordStore} sends them.
 */
final class TaskUpdates {
  static final String RUNNER_SEQ = "plexusRunnerSeq";

  private TaskUpdates() {}

  static RecordUpdate create(RecordUpdate update, NewTask task) {
    return update
        .set("accountId", indexKey(task.accountId()))
        .set("type", task.type())
        .set("target", task.target())
        .set("command", task.command())
        .set("description", task.description())
        .setJson("metadata", task.metadata())
        .set("scorecardId", indexKey(task.scorecardId()))
        .set("scoreId", indexKey(task.scoreId()))
        .set("dispatchStatus", DispatchState.DISPATCHED.name())
        .set("status", TaskStatus.PENDING.name())
        .set(StatusGuard.RANK, 0L)
        .when("attribute_not_exists(#id)", "id");
  }

  /** Index key attributes must not be empty strings: a blank one is left out (sparse index). */
  private static String indexKey(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** Attributes of a finished run that a new run starts without. */
  static final List<String> RUN_FIELDS =
      List.of(
          RUNNER_SEQ,
          "startedAt",
          "completedAt",
          "estimatedCompletionAt",
          "currentStageId",
          "errorMessage",
          "errorDetails",
          "stdout",
          "stderr",
          "output",
          "error");

  /** PENDING → DISPATCHING, recording who claimed it in workerNodeId (as Plexus's dispatcher). */
  static RecordUpdate claim(RecordUpdate update, String dispatcherId) {
    return update
        .set("dispatchStatus", DispatchState.DISPATCHING.name())
        .set("workerNodeId", dispatcherId)
        .when("#dispatchStatus = :g_pending", "dispatchStatus")
        .bind(":g_pending", AttributeValue.fromS(DispatchState.PENDING.name()));
  }

  /**
   * A claim of {@code dispatcherId} starts a new run: status PENDING again (rank 0) and the
   * previous run's progress and output removed, so the new run's writes apply.
   */
  static RecordUpdate newRun(RecordUpdate update, String dispatcherId) {
    RecordUpdate reset =
        update
            .set("status", TaskStatus.PENDING.name())
            .set(StatusGuard.RANK, 0L)
            .when(
                "#dispatchStatus = :g_dispatching AND #workerNodeId = :g_us",
                "dispatchStatus",
                "workerNodeId")
            .bind(":g_dispatching", AttributeValue.fromS(DispatchState.DISPATCHING.name()))
            .bind(":g_us", AttributeValue.fromS(dispatcherId));
    RUN_FIELDS.forEach(reset::remove);
    return reset;
  }

  static RecordUpdate dispatched(RecordUpdate update) {
    return update
        .set("dispatchStatus", DispatchState.DISPATCHED.name())
        .when("#dispatchStatus IN (:g_dispatching, :g_dispatched)", "dispatchStatus")
        .bind(":g_dispatching", AttributeValue.fromS(DispatchState.DISPATCHING.name()))
        .bind(":g_dispatched", AttributeValue.fromS(DispatchState.DISPATCHED.name()));
  }

  static RecordUpdate dispatchFailed(RecordUpdate update, String errorMessage, Instant now) {
    return StatusGuard.moveTo(update, TaskStatus.FAILED)
        .set("dispatchStatus", DispatchState.ERROR.name())
        .set("errorMessage", errorMessage)
        .setIfAbsent("completedAt", AttributeValue.fromS(Timestamps.format(now)))
        .when("attribute_exists(#id)", "id");
  }

  static RecordUpdate phase(RecordUpdate update, TaskPhaseUpdate phase) {
    Objects.requireNonNull(phase.status(), "a phase update needs a status");
    DispatchState dispatch = phase.dispatchStatus();
    return StatusGuard.moveTo(update, phase.status())
        .set("dispatchStatus", dispatch == null ? null : dispatch.name())
        .set("startedAt", Timestamps.format(phase.startedAt()))
        .set("completedAt", Timestamps.format(phase.completedAt()))
        .set("errorMessage", phase.errorMessage())
        .setJson("errorDetails", phase.errorDetails())
        .set("workerNodeId", phase.workerNodeId())
        .when("attribute_exists(#id)", "id");
  }

  static RecordUpdate runner(RecordUpdate update, TaskRunnerUpdate state) {
    return update
        .set("currentStageId", state.currentStageId())
        .set("estimatedCompletionAt", Timestamps.format(state.estimatedCompletionAt()))
        .set("stdout", state.stdout())
        .set("stderr", state.stderr())
        .set("output", state.output())
        .set("error", state.error())
        .set("errorMessage", state.errorMessage())
        .when("attribute_exists(#id)", "id")
        .setIfNewer(RUNNER_SEQ, state.sequence());
  }
}
