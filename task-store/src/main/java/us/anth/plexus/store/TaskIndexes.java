package us.anth.plexus.store;

import java.util.Map;

/**
 * Names of the secondary indexes of the Task and TaskStage tables. The defaults are the names
 * Amplify Gen2 gives them (dashboard/amplify/data/resource.ts of AnthusAI/Plexus declares the
 * secondary indexes; Amplify names each {@code <model>sBy<Field>[And<SortKey>]}); each can be
 * overridden through its {@code PLEXUS_DYNAMODB_*_INDEX} variable.
 */
public record TaskIndexes(
    String byAccount, String byScorecard, String byScore, String stagesByTask) {
  public static final String ACCOUNT_INDEX = "PLEXUS_DYNAMODB_ACCOUNT_INDEX";
  public static final String SCORECARD_INDEX = "PLEXUS_DYNAMODB_SCORECARD_INDEX";
  public static final String SCORE_INDEX = "PLEXUS_DYNAMODB_SCORE_INDEX";
  public static final String STAGE_INDEX = "PLEXUS_DYNAMODB_STAGE_INDEX";

  /** Amplify's default names. */
  public static final TaskIndexes AMPLIFY =
      new TaskIndexes(
          "tasksByAccountIdAndUpdatedAt",
          "tasksByScorecardIdAndUpdatedAt",
          "tasksByScoreId",
          "taskStagesByTaskId");

  /** Reads the index variables; missing or blank ones take Amplify's names. */
  public static TaskIndexes fromEnv(Map<String, String> env) {
    return new TaskIndexes(
        or(env.get(ACCOUNT_INDEX), AMPLIFY.byAccount),
        or(env.get(SCORECARD_INDEX), AMPLIFY.byScorecard),
        or(env.get(SCORE_INDEX), AMPLIFY.byScore),
        or(env.get(STAGE_INDEX), AMPLIFY.stagesByTask));
  }

  /** Writes the names that differ from Amplify's into {@code env} (the defaults need none). */
  void toEnv(Map<String, String> env) {
    putIfCustom(env, ACCOUNT_INDEX, byAccount, AMPLIFY.byAccount);
    putIfCustom(env, SCORECARD_INDEX, byScorecard, AMPLIFY.byScorecard);
    putIfCustom(env, SCORE_INDEX, byScore, AMPLIFY.byScore);
    putIfCustom(env, STAGE_INDEX, stagesByTask, AMPLIFY.stagesByTask);
  }

  private static void putIfCustom(
      Map<String, String> env, String name, String value, String amplify) {
    if (!value.equals(amplify)) {
      env.put(name, value);
    }
  }

  private static String or(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.trim();
  }
}
