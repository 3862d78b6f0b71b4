package us.anth.plexus.api.settings;

import java.util.List;

/**
 * Where the operator and the runner send Task and TaskStage writes, and how they reach the
 * dashboard's Amplify GraphQL API; the operator copies every one but the key into each Job.
 */
public final class AppSyncVariables {
  public static final Setting<String> TASK_SINK =
      Setting.choiceIgnoringCase(
          "PLEXUS_TASK_SINK",
          "`dynamodb`: conditional DynamoDB writes (no live dashboard updates); `appsync`: the"
              + " Amplify API's GraphQL mutations (every dashboard subscription fires); `both`:"
              + " DynamoDB first, then the same state through the API",
          "dynamodb",
          "appsync",
          "both");
  public static final Setting<String> URL =
      Setting.text(
          "PLEXUS_APPSYNC_URL",
          "",
          "the GraphQL endpoint, `https://<apiId>.appsync-api.<region>.amazonaws.com/graphql`;"
              + " required when the sink is `appsync` or `both`");
  public static final Setting<String> AUTH =
      Setting.choiceIgnoringCase(
          "PLEXUS_APPSYNC_AUTH",
          "`apiKey`: the key below; `iam`: SigV4 (service `appsync`) with the process's default"
              + " AWS credentials, e.g. IRSA",
          "apiKey",
          "iam");
  public static final Setting<String> API_KEY =
      Setting.text(
          "PLEXUS_APPSYNC_API_KEY",
          "",
          "the API key; required with `apiKey` auth (the runner gets it from the Secret below)");
  public static final Setting<String> REGION =
      Setting.text("PLEXUS_APPSYNC_REGION", "", "SigV4 region; empty = taken from the URL's host");
  public static final Setting<String> API_KEY_SECRET =
      Setting.text(
          "PLEXUS_APPSYNC_API_KEY_SECRET",
          "",
          "operator only: a Secret in each task's namespace whose entry `apiKey` each Job"
              + " receives as `PLEXUS_APPSYNC_API_KEY`; the operator never copies the key itself");

  private AppSyncVariables() {}

  /** Every AppSync setting, in docs order. */
  public static List<Setting<?>> all() {
    return List.of(TASK_SINK, URL, AUTH, API_KEY, REGION, API_KEY_SECRET);
  }
}
