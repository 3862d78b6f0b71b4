package us.anth.plexus.store.appsync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import us.anth.plexus.store.NewTask;
import us.anth.plexus.store.StageUpdate;
import us.anth.plexus.store.TaskPhaseUpdate;
import us.anth.plexus.store.TaskRunnerUpdate;
import us.anth.plexus.store.TaskStageStore;
import us.anth.plexus.store.WriteResult;

/**
 * The Task and TaskStage writes of operator and runner sent as Amplify GraphQL mutations, so that
 * every dashboard subscription ({@code onUpdateTask}, {@code onCreateTaskStage}, {@code
 * onUpdateTaskStage}) fires. Outcomes as {@link WriteResult}: a failed condition is SUPERSEDED (or
 * NOT_FOUND when the record is missing), any other GraphQL error is REJECTED with AppSync's own
 * message, an unreachable API is UNAVAILABLE. Never throws.
 */
public final class AppSyncTaskWriter {
  private static final Logger LOG = LoggerFactory.getLogger(AppSyncTaskWriter.class);

  private final GraphQlClient client;
  private final Set<String> existingStages = ConcurrentHashMap.newKeySet();

  public AppSyncTaskWriter(GraphQlClient client) {
    this.client = client;
  }

  /** A writer for these settings. */
  public static AppSyncTaskWriter open(AppSyncSettings settings) {
    return new AppSyncTaskWriter(new GraphQlClient(settings));
  }

  /** Creates the Task unless it exists (then APPLIED too: creation is idempotent by id). */
  public WriteResult createTask(String id, NewTask task) {
    WriteResult result = send(TaskMutations.createTask(id, task));
    return result.outcome() == WriteResult.Outcome.SUPERSEDED ? WriteResult.APPLIED : result;
  }

  /**
   * The operator's status, dispatch status, times, error and worker; never backwards. A refused
   * condition is SUPERSEDED when the record is further along, NOT_FOUND when it is missing, and
   * REJECTED with AppSync's message when it holds a different final status (a conflict, e.g. the
   * command's own tracker wrote FAILED where the operator saw COMPLETED).
   */
  public WriteResult updatePhase(String id, TaskPhaseUpdate phase) {
    WriteResult result = send(TaskMutations.phase(id, phase));
    if (result.outcome() != WriteResult.Outcome.SUPERSEDED) {
      return result;
    }
    JsonNode stored = read(TaskMutations.GET_TASK, "getTask", id);
    if (stored != null && stored.isNull()) {
      return WriteResult.NOT_FOUND;
    }
    String status = stored == null ? null : stored.path("status").asText(null);
    if (status != null && phase.status().isFinal() && !status.equals(phase.status().name())) {
      return WriteResult.rejected(
          "AppSync: " + result.error() + "; the record's status is already " + status);
    }
    return result;
  }

  /** The runner's progress and final fields. */
  public WriteResult updateRunnerState(String id, TaskRunnerUpdate state) {
    return checked(send(TaskMutations.runner(id, state)), TaskMutations.GET_TASK, "getTask", id);
  }

  /**
   * Creates the stage on its first write (createTaskStage, firing onCreateTaskStage), updates it
   * afterwards (updateTaskStage, never backwards).
   */
  public WriteResult upsertStage(StageUpdate stage) {
    String id = TaskStageStore.stageId(stage.taskId(), stage.name());
    if (!existingStages.contains(id)) {
      WriteResult created = send(TaskMutations.createStage(stage));
      if (created.outcome() != WriteResult.Outcome.SUPERSEDED) {
        if (created.outcome() == WriteResult.Outcome.APPLIED) {
          existingStages.add(id);
        }
        return created;
      }
      existingStages.add(id);
    }
    return checked(
        send(TaskMutations.updateStage(stage)), TaskMutations.GET_STAGE, "getTaskStage", id);
  }

  /**
   * Creates the stage (createTaskStage, firing onCreateTaskStage) unless it exists: a stage
   * declared up front, written before the runner starts. An existing stage is left as it is
   * (SUPERSEDED).
   */
  public WriteResult createStageIfAbsent(StageUpdate stage) {
    return send(TaskMutations.createStage(stage));
  }

  /** A failed condition on a record that does not exist is NOT_FOUND, not SUPERSEDED. */
  private WriteResult checked(WriteResult result, String query, String field, String id) {
    if (result.outcome() == WriteResult.Outcome.SUPERSEDED) {
      JsonNode stored = read(query, field, id);
      if (stored != null && stored.isNull()) {
        return WriteResult.NOT_FOUND;
      }
    }
    return result;
  }

  /** Sends; a failed condition is SUPERSEDED. */
  private WriteResult send(Mutation mutation) {
    GraphQlAnswer answer;
    try {
      answer = client.execute(mutation.document(), mutation.variables());
    } catch (AppSyncUnavailableException e) {
      return WriteResult.unavailable(e.getMessage());
    }
    if (answer.ok()) {
      return WriteResult.APPLIED;
    }
    if (answer.conditionFailed()) {
      return new WriteResult(WriteResult.Outcome.SUPERSEDED, answer.message());
    }
    // Reported by the callers, once (the runner's log, the operator's Synced condition and Event):
    // a warning per refused write would repeat it for every stage of every coalesced state.
    LOG.debug("AppSync refused a write: {}", answer.message());
    return WriteResult.rejected("AppSync: " + answer.message());
  }

  /** The record's {@code id status} (a null node when missing), or null when it can't be read. */
  private JsonNode read(String query, String field, String id) {
    try {
      GraphQlAnswer answer = client.execute(query, TaskMutations.idVariable(id));
      return answer.ok() && answer.data() != null ? answer.data().path(field) : null;
    } catch (AppSyncUnavailableException e) {
      return null;
    }
  }
}
