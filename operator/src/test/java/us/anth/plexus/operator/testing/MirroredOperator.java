package us.anth.plexus.operator.testing;

import us.anth.plexus.devkit.EmbeddedDynamo;
import us.anth.plexus.operator.OperatorConfig;
import us.anth.plexus.operator.mirror.TaskRecordMirrors;

/**
 * The operator on the in-process API with its DynamoDB mirror on DynamoDB Local, and the Job
 * controller stand-in: the fixture of the ITs about what reaches the Task/TaskStage records.
 */
public record MirroredOperator(
    EmbeddedDynamo dynamo, OperatorHarness harness, JobControllerSimulator jobController)
    implements AutoCloseable {

  /** Starts DynamoDB Local, then the operator mirroring to it. */
  public static MirroredOperator start() {
    EmbeddedDynamo dynamo = EmbeddedDynamo.start();
    OperatorHarness harness =
        OperatorHarness.start(
            OperatorConfig.defaults(), TaskRecordMirrors.fromSettings(dynamo.settings()));
    return new MirroredOperator(dynamo, harness, new JobControllerSimulator(harness.client()));
  }

  @Override
  public void close() {
    harness.close();
    dynamo.close();
  }
}
