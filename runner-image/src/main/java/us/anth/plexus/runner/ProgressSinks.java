package us.anth.plexus.runner;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import us.anth.plexus.runner.publish.AppSyncTaskSink;
import us.anth.plexus.runner.publish.DynamoTaskSink;
import us.anth.plexus.runner.publish.KubernetesStatusSink;
import us.anth.plexus.runner.publish.ProgressSink;
import us.anth.plexus.store.TaskStoreSettings;
import us.anth.plexus.store.TaskStores;
import us.anth.plexus.store.appsync.AppSyncSettings;
import us.anth.plexus.store.appsync.AppSyncTaskWriter;
import us.anth.plexus.store.appsync.TaskSink;

/**
 * The sinks a runner writes task state to: the PlexusTask status always; the DynamoDB
 * Task/TaskStage records when PLEXUS_DYNAMODB_ENABLED is true (PLEXUS_TASK_SINK dynamodb, the
 * default) or the sink is both; the Amplify GraphQL API when PLEXUS_TASK_SINK is appsync or both.
 * Invalid AppSync settings throw {@link IllegalArgumentException} with one line.
 */
public final class ProgressSinks {
  private ProgressSinks() {}

  public static List<ProgressSink> create(KubernetesClient client, Map<String, String> env) {
    List<ProgressSink> sinks = new ArrayList<>();
    sinks.add(new KubernetesStatusSink(client));
    TaskSink sink = TaskSink.fromEnv(env);
    TaskStoreSettings dynamo = TaskStoreSettings.fromEnv(env);
    if (sink == TaskSink.BOTH || (sink == TaskSink.DYNAMODB && dynamo.enabled())) {
      sinks.add(new DynamoTaskSink(TaskStores.open(dynamo), RunnerLog.STDERR));
    }
    if (sink.writesAppSync()) {
      AppSyncTaskWriter writer = AppSyncTaskWriter.open(AppSyncSettings.fromEnv(env));
      sinks.add(new AppSyncTaskSink(writer, RunnerLog.STDERR));
    }
    return sinks;
  }
}
