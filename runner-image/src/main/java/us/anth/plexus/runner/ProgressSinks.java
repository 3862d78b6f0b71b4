package us.anth.plexus.runner;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import us.anth.plexus.runner.publish.DynamoTaskSink;
import us.anth.plexus.runner.publish.KubernetesStatusSink;
import us.anth.plexus.runner.publish.ProgressSink;
import us.anth.plexus.store.TaskStoreSettings;
import us.anth.plexus.store.TaskStores;

/**
 * The sinks a runner writes task state to: the PlexusTask status always, and the DynamoDB
 * Task/TaskStage records when PLEXUS_DYNAMODB_ENABLED is true.
 */
public final class ProgressSinks {
  private ProgressSinks() {}

  public static List<ProgressSink> create(KubernetesClient client, Map<String, String> env) {
    List<ProgressSink> sinks = new ArrayList<>();
    sinks.add(new KubernetesStatusSink(client));
    TaskStoreSettings dynamo = TaskStoreSettings.fromEnv(env);
    if (dynamo.enabled()) {
      sinks.add(new DynamoTaskSink(TaskStores.open(dynamo), RunnerLog.STDERR));
    }
    return sinks;
  }
}
