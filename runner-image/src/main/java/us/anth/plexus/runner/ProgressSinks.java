package us.anth.plexus.runner;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import us.anth.plexus.runner.publish.KubernetesStatusSink;
import us.anth.plexus.runner.publish.ProgressSink;

/**
 * The sinks a runner writes task state to. The PlexusTask status always; further sinks (e.g. the
 * DynamoDB Task/TaskStage mirror, enabled by PLEXUS_DYNAMODB_ENABLED) are added here.
 */
public final class ProgressSinks {
  private ProgressSinks() {}

  public static List<ProgressSink> create(KubernetesClient client, Map<String, String> env) {
    List<ProgressSink> sinks = new ArrayList<>();
    sinks.add(new KubernetesStatusSink(client));
    return sinks;
  }
}
