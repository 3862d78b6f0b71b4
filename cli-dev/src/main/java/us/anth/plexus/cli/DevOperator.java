package us.anth.plexus.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import us.anth.plexus.devkit.EmbeddedDynamo;
import us.anth.plexus.operator.OperatorConfig;
import us.anth.plexus.operator.PlexusOperator;
import us.anth.plexus.operator.mirror.TaskRecordMirrors;

/** Creates the dev stack's operator, mirroring tasks to the embedded DynamoDB. */
final class DevOperator {
  private DevOperator() {}

  static PlexusOperator create(
      KubernetesClient client, OperatorConfig config, EmbeddedDynamo dynamo) {
    return PlexusOperator.create(client, config, TaskRecordMirrors.fromSettings(dynamo.settings()));
  }
}
