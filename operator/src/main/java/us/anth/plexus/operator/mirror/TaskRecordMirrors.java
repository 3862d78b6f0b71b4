package us.anth.plexus.operator.mirror;

import us.anth.plexus.store.TaskStoreSettings;
import us.anth.plexus.store.TaskStores;

/** Builds the operator's task record mirror from the {@code PLEXUS_DYNAMODB_*} settings. */
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
}
