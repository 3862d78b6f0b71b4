package us.anth.plexus.store;

import java.util.Map;
import us.anth.plexus.api.settings.DynamoDbVariables;

/**
 * Names of the secondary indexes of the Task and TaskStage tables. The defaults are the names
 * Amplify Gen2 gives them (dashboard/amplify/data/resource.ts of AnthusAI/Plexus declares the
 * secondary indexes; Amplify names each {@code <model>sBy<Field>[And<SortKey>]}); each can be
 * overridden through its {@code PLEXUS_DYNAMODB_*_INDEX} variable.
 */
public record TaskIndexes(
    String byAccount, String byScorecard, String byScore, String stagesByTask) {
  public static final String ACCOUNT_INDEX = DynamoDbVariables.ACCOUNT_INDEX.name();
  public static final String SCORECARD_INDEX = DynamoDbVariables.SCORECARD_INDEX.name();
  public static final String SCORE_INDEX = DynamoDbVariables.SCORE_INDEX.name();
  public static final String STAGE_INDEX = DynamoDbVariables.STAGE_INDEX.name();

  /** Amplify's default names (the variables' defaults). */
  public static final TaskIndexes AMPLIFY = fromEnv(Map.of());

  /**
   * Reads the index variables ({@link DynamoDbVariables}); missing or blank ones take Amplify's.
   */
  public static TaskIndexes fromEnv(Map<String, String> env) {
    return new TaskIndexes(
        DynamoDbVariables.ACCOUNT_INDEX.read(env),
        DynamoDbVariables.SCORECARD_INDEX.read(env),
        DynamoDbVariables.SCORE_INDEX.read(env),
        DynamoDbVariables.STAGE_INDEX.read(env));
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
}
