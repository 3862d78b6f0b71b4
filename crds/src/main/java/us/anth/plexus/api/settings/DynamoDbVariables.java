package us.anth.plexus.api.settings;

import java.util.List;

/**
 * Where and how the DynamoDB Task/TaskStage records are written; read by the operator, the runner,
 * the bridge and plexusctl. The operator copies every {@code PLEXUS_DYNAMODB_*} variable into each
 * Job.
 */
public final class DynamoDbVariables {
  public static final Setting<Boolean> ENABLED =
      Setting.bool("PLEXUS_DYNAMODB_ENABLED", false, "mirror tasks to DynamoDB at all");
  public static final Setting<String> REGION =
      Setting.text("PLEXUS_DYNAMODB_REGION", "us-east-1", "region of the tables");
  public static final Setting<String> ENDPOINT =
      Setting.text(
          "PLEXUS_DYNAMODB_ENDPOINT",
          "",
          "endpoint override, e.g. `http://127.0.0.1:8000` for DynamoDB Local (a loopback"
              + " endpoint uses dummy credentials; anything else the default AWS credential"
              + " chain); empty = the AWS endpoint of the region");
  public static final Setting<String> TASK_TABLE =
      Setting.text(
          "PLEXUS_DYNAMODB_TASK_TABLE", "Task", "Task table; Amplify names it `Task-<apiId>-NONE`");
  public static final Setting<String> STAGE_TABLE =
      Setting.text(
          "PLEXUS_DYNAMODB_STAGE_TABLE", "TaskStage", "TaskStage table (`TaskStage-<apiId>-NONE`)");
  public static final Setting<Boolean> DATASTORE_FIELDS =
      Setting.bool(
          "PLEXUS_DYNAMODB_DATASTORE_FIELDS",
          false,
          "maintain `_version`, `_lastChangedAt` and `_deleted`; set `true` when the Amplify API"
              + " has DataStore conflict detection on");

  private DynamoDbVariables() {}

  /** Every DynamoDB setting, in docs order. */
  public static List<Setting<?>> all() {
    return List.of(ENABLED, REGION, ENDPOINT, TASK_TABLE, STAGE_TABLE, DATASTORE_FIELDS);
  }
}
