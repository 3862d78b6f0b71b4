package us.anth.plexus.store;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Task records: creation, the bridge's dispatch claim, the operator's phase mirror and the runner's
 * progress/output, each one conditional {@code UpdateItem} that never moves a record backwards.
 * Mirror writes return a {@link WriteResult}; calls whose caller must not guess (create, reads,
 * dispatch, delete) throw {@link TaskStoreUnavailableException} when DynamoDB is down.
 */
public final class TaskRecordStore {
  static final String TYPENAME = "Task";
  private static final String KUBERNETES = "kubernetes";

  private final TaskStoreSettings settings;
  private final Clock clock;
  private final ConditionalWriter writer;
  private final MetadataMerger metadata;
  private final TaskQueries queries;

  public TaskRecordStore(DynamoDbClient client, TaskStoreSettings settings) {
    this(client, settings, Clock.systemUTC());
  }

  public TaskRecordStore(DynamoDbClient client, TaskStoreSettings settings, Clock clock) {
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
    writer.writeOrThrow(TaskUpdates.create(stamp(), task).toRequest(settings.taskTable(), id));
    return id;
  }

  /** The Task, read consistently. */
  public Optional<TaskRecord> find(String id) {
    return queries.find(id);
  }

  /**
   * The account's Tasks, most recently updated first (index {@code tasksByAccountIdAndUpdatedAt} by
   * default).
   */
  public List<TaskRecord> listByAccount(String accountId, int limit) {
    return queries.listByAccount(accountId, limit);
  }

  /**
   * Takes a PENDING dispatch (→ DISPATCHING, workerNodeId {@code dispatcherId}, as Plexus's own
   * dispatcher records its claim); false when someone else has it or it isn't pending.
   */
  public boolean claimForDispatch(String id, String dispatcherId) {
    WriteResult result =
        writer.writeOrThrow(
            TaskUpdates.claim(stamp(), dispatcherId).toRequest(settings.taskTable(), id));
    return result.outcome() == WriteResult.Outcome.APPLIED;
  }

  /**
   * Starts a new run on a record {@code dispatcherId} holds DISPATCHING (a re-dispatch of a
   * finished task): status PENDING, the old run's progress, output and TaskStages removed. False
   * when the record is not DISPATCHING by {@code dispatcherId}.
   */
  public boolean startNewRun(String id, String dispatcherId) {
    WriteResult result =
        writer.writeOrThrow(
            TaskUpdates.newRun(stamp(), dispatcherId).toRequest(settings.taskTable(), id));
    if (result.outcome() != WriteResult.Outcome.APPLIED) {
      return false;
    }
    queries.deleteStages(id);
    return true;
  }

  /** DISPATCHING → DISPATCHED, recording {@code kubernetesRef} as {@code metadata.kubernetes}. */
  public void markDispatched(String id, Map<String, String> kubernetesRef) {
    WriteResult result;
    try {
      result = metadata.write(id, () -> TaskUpdates.dispatched(stamp()), KUBERNETES, kubernetesRef);
    } catch (SdkException unavailable) {
      throw TaskQueries.unavailable("mark task " + id + " dispatched", unavailable);
    }
    if (result.outcome() == WriteResult.Outcome.UNAVAILABLE) {
      throw new TaskStoreUnavailableException(result.error(), null);
    }
  }

  /** The dispatch failed for good: status FAILED, dispatchStatus ERROR, the message; once. */
  public void markDispatchFailed(String id, String errorMessage) {
    RecordUpdate update = TaskUpdates.dispatchFailed(stamp(), errorMessage, clock.instant());
    writer.writeOrThrow(update.toRequest(settings.taskTable(), id));
  }

  /**
   * Mirrors the operator's view of the task (status required, other null fields untouched); never
   * moves the status backwards.
   */
  public WriteResult updatePhase(String id, TaskPhaseUpdate phase) {
    Supplier<RecordUpdate> update = () -> TaskUpdates.phase(stamp(), phase);
    if (phase.kubernetes() == null) {
      return writer.write(update.get().toRequest(settings.taskTable(), id));
    }
    try {
      return metadata.write(id, update, KUBERNETES, phase.kubernetes());
    } catch (SdkException unavailable) {
      return WriteResult.unavailable(ConditionalWriter.oneLine(unavailable));
    }
  }

  /** Writes the runner's fields unless a write with a higher sequence is already stored. */
  public WriteResult updateRunnerState(String id, TaskRunnerUpdate state) {
    return writer.write(TaskUpdates.runner(stamp(), state).toRequest(settings.taskTable(), id));
  }

  /** Deletes the Task and its TaskStages; false when the Task did not exist. */
  public boolean deleteTask(String id) {
    return queries.deleteWithStages(id);
  }

  private RecordUpdate stamp() {
    return RecordUpdate.stamped(TYPENAME, settings.dataStoreFields(), clock.instant());
  }
}
