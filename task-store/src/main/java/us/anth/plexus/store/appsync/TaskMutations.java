package us.anth.plexus.store.appsync;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import us.anth.plexus.api.Timestamps;
import us.anth.plexus.store.DispatchState;
import us.anth.plexus.store.NewTask;
import us.anth.plexus.store.StageUpdate;
import us.anth.plexus.store.TaskPhaseUpdate;
import us.anth.plexus.store.TaskRunnerUpdate;
import us.anth.plexus.store.TaskStageStore;
import us.anth.plexus.store.TaskStatus;

/**
 * The Task and TaskStage writes as the Amplify API's mutations, with Amplify's input shapes: only
 * the fields being written (a null in an Amplify update input removes the attribute, so absent
 * fields are left out), AWSJSON fields as JSON text, and a {@code condition} that keeps the
 * never-backwards rule. Each mutation selects every scalar field, because a subscription event
 * carries only what the mutation selected. Pure.
 */
public final class TaskMutations {
  /** The Task fields of Plexus's Amplify schema (dashboard/amplify/data/resource.ts). */
  static final String TASK_FIELDS =
      "id accountId type status target command description dispatchStatus metadata createdAt"
          + " startedAt completedAt estimatedCompletionAt errorMessage errorDetails stdout stderr"
          + " output error attachedFiles currentStageId scorecardId scoreId celeryTaskId"
          + " workerNodeId updatedAt";

  /** The TaskStage fields of the same schema. */
  static final String STAGE_FIELDS =
      "id taskId name order status statusMessage startedAt completedAt estimatedCompletionAt"
          + " processedItems totalItems createdAt updatedAt";

  static final String CREATE_TASK =
      "mutation CreateTask($input: CreateTaskInput!, $condition: ModelTaskConditionInput) {"
          + " createTask(input: $input, condition: $condition) { "
          + TASK_FIELDS
          + " } }";
  static final String UPDATE_TASK =
      "mutation UpdateTask($input: UpdateTaskInput!, $condition: ModelTaskConditionInput) {"
          + " updateTask(input: $input, condition: $condition) { "
          + TASK_FIELDS
          + " } }";
  static final String CREATE_STAGE =
      "mutation CreateTaskStage($input: CreateTaskStageInput!,"
          + " $condition: ModelTaskStageConditionInput) {"
          + " createTaskStage(input: $input, condition: $condition) { "
          + STAGE_FIELDS
          + " } }";
  static final String UPDATE_STAGE =
      "mutation UpdateTaskStage($input: UpdateTaskStageInput!,"
          + " $condition: ModelTaskStageConditionInput) {"
          + " updateTaskStage(input: $input, condition: $condition) { "
          + STAGE_FIELDS
          + " } }";
  static final String GET_TASK = "query GetTask($id: ID!) { getTask(id: $id) { id status } }";
  static final String GET_STAGE =
      "query GetTaskStage($id: ID!) { getTaskStage(id: $id) { id status } }";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private TaskMutations() {}

  /** createTask for a task made outside the dashboard: PENDING, dispatched by us. */
  public static Mutation createTask(String id, NewTask task) {
    ObjectNode input = F.objectNode().put("id", id);
    put(input, "accountId", blankToNull(task.accountId()));
    put(input, "type", task.type());
    put(input, "target", task.target());
    put(input, "command", task.command());
    put(input, "description", task.description());
    put(input, "metadata", task.metadata());
    put(input, "scorecardId", blankToNull(task.scorecardId()));
    put(input, "scoreId", blankToNull(task.scoreId()));
    input.put("dispatchStatus", DispatchState.DISPATCHED.name());
    input.put("status", TaskStatus.PENDING.name());
    return mutation(CREATE_TASK, input, null);
  }

  /** updateTask with the operator's fields, allowed only when the status moves forward. */
  public static Mutation phase(String id, TaskPhaseUpdate phase) {
    ObjectNode input = F.objectNode().put("id", id).put("status", phase.status().name());
    put(
        input,
        "dispatchStatus",
        phase.dispatchStatus() == null ? null : phase.dispatchStatus().name());
    put(input, "startedAt", phase.startedAt());
    put(input, "completedAt", phase.completedAt());
    put(input, "errorMessage", phase.errorMessage());
    put(input, "errorDetails", phase.errorDetails());
    put(input, "workerNodeId", phase.workerNodeId());
    return mutation(UPDATE_TASK, input, AmplifyConditions.statusMayBecome(phase.status()));
  }

  /**
   * updateTask with the runner's fields. Progress (current stage, estimate) applies only while the
   * task is not finished; the final write (output, tails, error) applies whenever the task exists.
   */
  public static Mutation runner(String id, TaskRunnerUpdate state) {
    ObjectNode input = F.objectNode().put("id", id);
    put(input, "currentStageId", state.currentStageId());
    put(input, "estimatedCompletionAt", state.estimatedCompletionAt());
    put(input, "stdout", state.stdout());
    put(input, "stderr", state.stderr());
    put(input, "output", state.output());
    put(input, "error", state.error());
    put(input, "errorMessage", state.errorMessage());
    boolean finalWrite =
        state.stdout() != null
            || state.stderr() != null
            || state.output() != null
            || state.error() != null
            || state.errorMessage() != null;
    return mutation(UPDATE_TASK, input, finalWrite ? null : AmplifyConditions.notFinished());
  }

  /** createTaskStage with the stage's stable id (fails with a condition error when it exists). */
  public static Mutation createStage(StageUpdate stage) {
    ObjectNode input = stageInput(stage);
    input.put("taskId", stage.taskId()).put("name", stage.name()).put("order", stage.order());
    return mutation(CREATE_STAGE, input, null);
  }

  /** updateTaskStage, allowed only forward (status, then processedItems at the same status). */
  public static Mutation updateStage(StageUpdate stage) {
    ObjectNode input = stageInput(stage);
    input.put("order", stage.order());
    return mutation(
        UPDATE_STAGE,
        input,
        AmplifyConditions.stageMayBecome(stage.status(), stage.processedItems()));
  }

  static ObjectNode idVariable(String id) {
    return F.objectNode().put("id", id);
  }

  private static ObjectNode stageInput(StageUpdate stage) {
    ObjectNode input =
        F.objectNode()
            .put("id", TaskStageStore.stageId(stage.taskId(), stage.name()))
            .put("status", stage.status().name());
    put(input, "statusMessage", stage.statusMessage());
    put(input, "startedAt", stage.startedAt());
    put(input, "completedAt", stage.completedAt());
    put(input, "estimatedCompletionAt", stage.estimatedCompletionAt());
    if (stage.processedItems() != null) {
      input.put("processedItems", stage.processedItems());
    }
    if (stage.totalItems() != null) {
      input.put("totalItems", stage.totalItems());
    }
    return input;
  }

  private static Mutation mutation(String document, ObjectNode input, ObjectNode condition) {
    ObjectNode variables = F.objectNode();
    variables.set("input", input);
    if (condition != null) {
      variables.set("condition", condition);
    }
    return new Mutation(document, variables);
  }

  private static void put(ObjectNode input, String field, String value) {
    if (value != null) {
      input.put(field, value);
    }
  }

  private static void put(ObjectNode input, String field, Instant value) {
    put(input, field, Timestamps.format(value));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
