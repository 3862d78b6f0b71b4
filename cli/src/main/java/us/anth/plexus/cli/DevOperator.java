package us.anth.plexus.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import us.anth.plexus.devkit.EmbeddedDynamo;
import us.anth.plexus.operator.OperatorConfig;
import us.anth.plexus.operator.PlexusOperator;
import us.anth.plexus.operator.mirror.TaskRecordMirror;

/** Creates the dev stack's operator with the DynamoDB mirror the operator module offers. */
final class DevOperator {
  private DevOperator() {}

  static PlexusOperator create(
      KubernetesClient client, OperatorConfig config, EmbeddedDynamo dynamo) {
    return PlexusOperator.create(client, config, TaskRecordMirror.DISABLED);
  }
}
