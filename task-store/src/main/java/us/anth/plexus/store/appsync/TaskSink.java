package us.anth.plexus.store.appsync;

import java.util.Locale;
import java.util.Map;
import us.anth.plexus.api.settings.AppSyncVariables;

/**
 * Where the operator and the runner send their Task and TaskStage writes ({@code
 * PLEXUS_TASK_SINK}): straight to DynamoDB (no live dashboard updates), as the Amplify API's
 * GraphQL mutations (every dashboard subscription fires), or both.
 */
public enum TaskSink {
  /** Conditional DynamoDB UpdateItem calls, as before (the default). */
  DYNAMODB,
  /** The Amplify GraphQL API: updateTask, createTaskStage, updateTaskStage. */
  APPSYNC,
  /** DynamoDB first, then the same state through the GraphQL API. */
  BOTH;

  /** The variable, defined in {@link AppSyncVariables#TASK_SINK}. */
  public static final String ENV = AppSyncVariables.TASK_SINK.name();

  /** {@code PLEXUS_TASK_SINK}: dynamodb (default), appsync or both, any case; else refused. */
  public static TaskSink fromEnv(Map<String, String> env) {
    return valueOf(AppSyncVariables.TASK_SINK.read(env).toUpperCase(Locale.ROOT));
  }

  /** Whether writes go to DynamoDB directly. */
  public boolean writesDynamo() {
    return this != APPSYNC;
  }

  /** Whether writes go through the GraphQL API. */
  public boolean writesAppSync() {
    return this != DYNAMODB;
  }
}
