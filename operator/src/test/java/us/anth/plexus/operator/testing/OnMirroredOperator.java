package us.anth.plexus.operator.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import us.anth.plexus.store.TaskRecordStore;
import us.anth.plexus.store.TaskStageStore;

/**
 * Base of the ITs on one {@link MirroredOperator} per class: the operator, its harness, the Job
 * controller stand-in and the DynamoDB stores, and for each test a new namespace {@link #ns} with a
 * pool {@code <ns>-p} for the targets {@code <ns>/*}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OnMirroredOperator {
  protected MirroredOperator operator;
  protected OperatorHarness harness;
  protected JobControllerSimulator jobController;
  protected TaskRecordStore records;
  protected TaskStageStore stages;

  /** This test's namespace, with the pool {@code <ns>-p}. */
  protected String ns;

  @BeforeAll
  protected void startMirroredOperator() {
    operator = MirroredOperator.start();
    harness = operator.harness();
    jobController = operator.jobController();
    records = new TaskRecordStore(operator.dynamo().client(), operator.dynamo().settings());
    stages = new TaskStageStore(operator.dynamo().client(), operator.dynamo().settings());
  }

  @AfterAll
  protected void stopMirroredOperator() {
    operator.close();
  }

  @BeforeEach
  protected void newNamespaceWithPool() {
    ns = harness.newNamespace();
    harness.createPool(TestPools.pool(ns + "-p", ns + "/*"));
  }
}
