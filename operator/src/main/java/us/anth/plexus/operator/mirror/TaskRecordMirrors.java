package us.anth.plexus.operator.mirror;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import us.anth.plexus.store.TaskStoreSettings;
import us.anth.plexus.store.TaskStores;
import us.anth.plexus.store.appsync.AppSyncSettings;
import us.anth.plexus.store.appsync.AppSyncTaskWriter;
import us.anth.plexus.store.appsync.TaskSink;

/**
 * Builds the operator's task record mirror from {@code PLEXUS_TASK_SINK} and the {@code
 * PLEXUS_DYNAMODB_*} / {@code PLEXUS_APPSYNC_*} settings.
 */
public final class TaskRecordMirrors {
  private TaskRecordMirrors() {}

  /** The DynamoDB mirror when the settings enable it, else {@link TaskRecordMirror#DISABLED}. */
  public static TaskRecordMirror fromSettings(TaskStoreSettings settings) {
    if (!settings.enabled()) {
      return TaskRecordMirror.DISABLED;
    }
    TaskStores stores = TaskStores.open(settings);
    return new DynamoTaskRecordMirror(stores.tasks(), stores.stages());
  }

  /**
   * {@code dynamodb}: as {@link #fromSettings}; {@code appsync}: the GraphQL mirror; {@code both}:
   * DynamoDB (enabled whatever PLEXUS_DYNAMODB_ENABLED says) then GraphQL. Invalid settings (e.g.
   * no API key) throw {@link IllegalArgumentException} with one line.
   */
  public static TaskRecordMirror fromEnv(Map<String, String> env) {
    TaskSink sink = TaskSink.fromEnv(env);
    TaskStoreSettings dynamo = TaskStoreSettings.fromEnv(env);
    if (sink == TaskSink.DYNAMODB) {
      return fromSettings(dynamo);
    }
    AppSyncTaskRecordMirror appSync =
        new AppSyncTaskRecordMirror(AppSyncTaskWriter.open(AppSyncSettings.fromEnv(env)));
    if (sink == TaskSink.APPSYNC) {
      return appSync;
    }
    List<TaskRecordMirror> both = new ArrayList<>();
    both.add(fromSettings(dynamo.withEndpoint(dynamo.endpoint())));
    both.add(appSync);
    return new CombinedTaskRecordMirror(both);
  }
}
