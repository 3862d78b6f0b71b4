package us.anth.plexus.store;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Task records: creation, the bridge's dispatch claim, the operator's phase mirror and the runner's
 * progress/output, each one conditional {@code UpdateItem} that never moves a record backwards.
 * Mirror writes return a {@link WriteResult}; calls whose caller must not guess (create, reads,
 * dispatch, delete) throw {@link TaskStoreUnavailableException} when DynamoDB is down.
 */
public final class TaskRecordStore {
  static final String TYPENAME = "Task";
  static final String RUNNER_SEQ = "plexusRunnerSeq";

  private final DynamoDbClient client;
  private final TaskStoreSettings settings;
  private final Clock clock;
  private final ConditionalWriter writer;
  private final MetadataMerger metadata;
  private final TaskQueries queries;

  public TaskRecordStore(DynamoDbClient client, TaskStoreSettings settings) {
    this(client, settings, Clock.systemUTC());
  }

  public TaskRecordStore(DynamoDbClient client, TaskStoreSettings settings, Clock clock) {
    this.client = client;
    this.settings = settings;
    this.clock = clock;
    this.writer = new ConditionalWriter(client);
    this.metadata = new MetadataMerger(client, settings.taskTable());
    this.queries = new TaskQueries(client, settings);
  }

  /** Creates a Task with a new id: status PENDING, dispatchStatus DISPATCHED. Returns the id. */
  public String createTask(NewTask task) {
    return createTask(UUID.randomUUID().toString(), task);
  }

  /** Creates the Task with this id unless it exists (idempotent for ids derived from a UID). */
  public String createTask(String id, NewTask task) {
    RecordUpdate update =
        stamp()
            .set("accountId", task.accountId())
            .set("type", task.type())
            .set("target", task.target())
            .set("command", task.command())
            .set("description", task.description())
            .set("metadata", task.metadata())
            .set("scorecardId", task.scorecardId())
            .set("scoreId", task.scoreId())
            .set("dispatchStatus", DispatchState.DISPATCHED.name())
            .set("status", TaskStatus.PENDING.name())
            .set(StatusGuard.RANK, 0L)
            .when("attribute_not_exists(#id)", "id");
    writer.writeOrThrow(update.toRequest(settings.taskTable(), id));
    return id;
  }

  /** The Task, read consistently. */
  public Optional<TaskRecord> find(String id) {
    return queries.find(id);
  }

  /** The account's Tasks, most recently updated first (index {@code byAccountId}). */
  public List<TaskRecord> listByAccount(String accountId, int limit) {
    return queries.listByAccount(accountId, limit);
  }

  /** Takes a PENDING dispatch (→ DISPATCHING); false when someone else has or it isn't pending. */
  public boolean claimForDispatch(String id) {
    RecordUpdate update =
        stamp()
            .set("dispatchStatus", DispatchState.DISPATCHING.name())
            .when("#dispatchStatus = :g_pending", "dispatchStatus")
            .bind(":g_pending", AttributeValue.fromS(DispatchState.PENDING.name()));
    return writer.writeOrThrow(update.toRequest(settings.taskTable(), id)).outcome()
        == WriteResult.Outcome.APPLIED;
  }

  /** DISPATCHING → DISPATCHED, recording {@code kubernetesRef} as {@code metadata.kubernetes}. */
  public void markDispatched(String id, Map<String, String> kubernetesRef) {
    AttributeValue dispatching = AttributeValue.fromS(DispatchState.DISPATCHING.name());
    AttributeValue dispatched = AttributeValue.fromS(DispatchState.DISPATCHED.name());
    orThrow(
        () ->
            metadata.write(
                id,
                () ->
                    stamp()
                        .set("dispatchStatus", DispatchState.DISPATCHED.name())
                        .when(
                            "#dispatchStatus IN (:g_dispatching, :g_dispatched)", "dispatchStatus")
                        .bind(":g_dispatching", dispatching)
                        .bind(":g_dispatched", dispatched),
                "kubernetes",
                kubernetesRef));
  }

  /** The dispatch failed for good: status FAILED, dispatchStatus ERROR, the message; once. */
  public void markDispatchFailed(String id, String errorMessage) {
    RecordUpdate update =
        StatusGuard.moveTo(stamp(), TaskStatus.FAILED)
            .set("dispatchStatus", DispatchState.ERROR.name())
            .set("errorMessage", errorMessage)
            .setIfAbsent("completedAt", AttributeValue.fromS(Timestamps.format(clock.instant())))
            .when("attribute_exists(#id)", "id");
    writer.writeOrThrow(update.toRequest(settings.taskTable(), id));
  }

  /** Mirrors the operator's view of the task; never moves the status backwards. */
  public WriteResult updatePhase(String id, TaskPhaseUpdate phase) {
    java.util.function.Supplier<RecordUpdate> base =
        () ->
            StatusGuard.moveTo(stamp(), phase.status())
                .set(
                    "dispatchStatus",
                    phase.dispatchStatus() == null ? null : phase.dispatchStatus().name())
                .set("startedAt", Timestamps.format(phase.startedAt()))
                .set("completedAt", Timestamps.format(phase.completedAt()))
                .set("errorMessage", phase.errorMessage())
                .set("errorDetails", phase.errorDetails())
                .set("workerNodeId", phase.workerNodeId())
                .when("attribute_exists(#id)", "id");
    if (phase.kubernetes() == null) {
      return writer.write(base.get().toRequest(settings.taskTable(), id));
    }
    try {
      return metadata.write(id, base, "kubernetes", phase.kubernetes());
    } catch (SdkException unavailable) {
      return WriteResult.unavailable(ConditionalWriter.oneLine(unavailable));
    }
  }

  /** Writes the runner's fields unless a write with a higher sequence is already stored. */
  public WriteResult updateRunnerState(String id, TaskRunnerUpdate state) {
    RecordUpdate update =
        stamp()
            .set("currentStageId", state.currentStageId())
            .set("estimatedCompletionAt", Timestamps.format(state.estimatedCompletionAt()))
            .set("stdout", state.stdout())
            .set("stderr", state.stderr())
            .set("output", state.output())
            .set("errorMessage", state.errorMessage())
            .set("errorDetails", state.errorDetails())
            .set(RUNNER_SEQ, state.sequence())
            .when("attribute_exists(#id)", "id")
            .when("attribute_not_exists(#plexusRunnerSeq) OR #plexusRunnerSeq < :g_seq", RUNNER_SEQ)
            .bind(":g_seq", AttributeValue.fromN(Long.toString(state.sequence())));
    return writer.write(update.toRequest(settings.taskTable(), id));
  }

  /** Deletes the Task and its TaskStages; false when the Task did not exist. */
  public boolean deleteTask(String id) {
    return queries.deleteWithStages(id);
  }

  private RecordUpdate stamp() {
    return RecordUpdate.stamped(TYPENAME, settings.dataStoreFields(), clock.instant());
  }

  private static void orThrow(java.util.function.Supplier<WriteResult> write) {
    WriteResult result;
    try {
      result = write.get();
    } catch (SdkException unavailable) {
      throw new TaskStoreUnavailableException(
          "DynamoDB unavailable: " + ConditionalWriter.oneLine(unavailable), unavailable);
    }
    if (result.outcome() == WriteResult.Outcome.UNAVAILABLE) {
      throw new TaskStoreUnavailableException(result.error(), null);
    }
  }
}
