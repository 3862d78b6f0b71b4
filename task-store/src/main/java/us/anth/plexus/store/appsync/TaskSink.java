package us.anth.plexus.store.appsync;

import java.util.Locale;
import java.util.Map;

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

  public static final String ENV = "PLEXUS_TASK_SINK";

  /** {@code PLEXUS_TASK_SINK}: dynamodb (default), appsync or both; anything else is refused. */
  public static TaskSink fromEnv(Map<String, String> env) {
    String value = env.getOrDefault(ENV, "").trim();
    if (value.isEmpty()) {
      return DYNAMODB;
    }
    try {
      return valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          ENV + " must be dynamodb, appsync or both, not '" + value + "'");
    }
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
