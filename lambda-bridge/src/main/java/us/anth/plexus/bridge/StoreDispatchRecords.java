package us.anth.plexus.bridge;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import us.anth.plexus.store.TaskRecordStore;
import us.anth.plexus.store.TaskStoreSettings;

/** {@link DispatchRecords} on the task-store's Task table (one table per instance). */
public final class StoreDispatchRecords implements DispatchRecords {
  private final TaskRecordStore store;
  private final DispatchAttemptCounter attempts;

  public StoreDispatchRecords(DynamoDbClient client, TaskStoreSettings settings) {
    this.store = new TaskRecordStore(client, settings);
    this.attempts =
        new DispatchAttemptCounter(client, settings.taskTable(), BridgeCore.DISPATCHER_ID);
  }

  @Override
  public boolean claim(String taskId) {
    return store.claimForDispatch(taskId, BridgeCore.DISPATCHER_ID);
  }

  @Override
  public Optional<DispatchClaim> firstAttempt(String taskId) {
    return attempts.first(taskId);
  }

  @Override
  public Optional<DispatchClaim> nextAttempt(String taskId) {
    return attempts.next(taskId);
  }

  @Override
  public boolean startNewRun(String taskId) {
    return store.startNewRun(taskId, BridgeCore.DISPATCHER_ID);
  }

  @Override
  public void markDispatched(String taskId, Map<String, String> kubernetesRef) {
    store.markDispatched(taskId, kubernetesRef);
  }

  @Override
  public void markFailed(String taskId, String message) {
    store.markDispatchFailed(taskId, message);
  }
}
