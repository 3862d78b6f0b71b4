package us.anth.plexus.store;

import java.util.LinkedHashMap;
import java.util.Map;
import us.anth.plexus.api.settings.DynamoDbVariables;

/**
 * Where and how the Task/TaskStage records are written; shared by operator, runner and bridge
 * through the {@code PLEXUS_DYNAMODB_*} environment variables.
 *
 * @param enabled whether the mirror is on at all
 * @param region AWS region of the tables
 * @param endpoint endpoint override (DynamoDB Local); empty = the AWS endpoint of the region
 * @param taskTable name of the Task table (Amplify: {@code Task-<apiId>-NONE})
 * @param stageTable name of the TaskStage table
 * @param dataStoreFields maintain {@code _version}, {@code _lastChangedAt}, {@code _deleted}
 */
public record TaskStoreSettings(
    boolean enabled,
    String region,
    String endpoint,
    String taskTable,
    String stageTable,
    boolean dataStoreFields) {

  public static final String ENABLED = DynamoDbVariables.ENABLED.name();
  public static final String REGION = DynamoDbVariables.REGION.name();
  public static final String ENDPOINT = DynamoDbVariables.ENDPOINT.name();
  public static final String TASK_TABLE = DynamoDbVariables.TASK_TABLE.name();
  public static final String STAGE_TABLE = DynamoDbVariables.STAGE_TABLE.name();
  public static final String DATASTORE_FIELDS = DynamoDbVariables.DATASTORE_FIELDS.name();

  public TaskStoreSettings {
    region = blankTo(region, "us-east-1");
    endpoint = endpoint == null ? "" : endpoint.trim();
    taskTable = blankTo(taskTable, "Task");
    stageTable = blankTo(stageTable, "TaskStage");
  }

  /** The defaults: disabled, us-east-1, AWS endpoint, tables Task and TaskStage. */
  public static TaskStoreSettings defaults() {
    return fromEnv(Map.of());
  }

  /**
   * Reads the {@code PLEXUS_DYNAMODB_*} variables ({@link DynamoDbVariables}); missing or blank
   * ones take the defaults, a bad value (e.g. {@code ENABLED=yes}) throws IllegalArgumentException
   * naming the variable.
   */
  public static TaskStoreSettings fromEnv(Map<String, String> env) {
    return new TaskStoreSettings(
        DynamoDbVariables.ENABLED.read(env),
        DynamoDbVariables.REGION.read(env),
        DynamoDbVariables.ENDPOINT.read(env),
        DynamoDbVariables.TASK_TABLE.read(env),
        DynamoDbVariables.STAGE_TABLE.read(env),
        DynamoDbVariables.DATASTORE_FIELDS.read(env));
  }

  /** The same settings as environment variables (ordered), e.g. for a Job's container env. */
  public Map<String, String> toEnv() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(ENABLED, Boolean.toString(enabled));
    env.put(REGION, region);
    env.put(ENDPOINT, endpoint);
    env.put(TASK_TABLE, taskTable);
    env.put(STAGE_TABLE, stageTable);
    env.put(DATASTORE_FIELDS, Boolean.toString(dataStoreFields));
    return env;
  }

  /** A copy with the mirror switched on and pointed at {@code endpointOverride}. */
  public TaskStoreSettings withEndpoint(String endpointOverride) {
    return new TaskStoreSettings(
        true, region, endpointOverride, taskTable, stageTable, dataStoreFields);
  }

  /** A copy with the DataStore conflict-detection fields switched on or off. */
  public TaskStoreSettings withDataStoreFields(boolean on) {
    return new TaskStoreSettings(enabled, region, endpoint, taskTable, stageTable, on);
  }

  /** A copy with other table names (e.g. a random suffix per test). */
  public TaskStoreSettings withTables(String task, String stage) {
    return new TaskStoreSettings(enabled, region, endpoint, task, stage, dataStoreFields);
  }

  private static String blankTo(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.trim();
  }
}
