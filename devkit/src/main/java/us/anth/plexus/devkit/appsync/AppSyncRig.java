package us.anth.plexus.devkit.appsync;

import us.anth.plexus.devkit.EmbeddedDynamo;
import us.anth.plexus.store.TaskStoreSettings;

/**
 * DynamoDB Local (HTTP, free port) and the AppSync simulator on it: the dashboard's API as tests
 * and dev mode see it. {@link #dynamoSettings()} points at the tables the simulator's resolvers
 * write, so direct DynamoDB writes and GraphQL mutations meet on the same items.
 */
public final class AppSyncRig implements AutoCloseable {
  /** The API key the simulator accepts. */
  public static final String API_KEY = "da2-plexus-local-simulator-key";

  private final EmbeddedDynamo dynamo;
  private final AppSyncSimulator simulator;

  private AppSyncRig(EmbeddedDynamo dynamo, AppSyncSimulator simulator) {
    this.dynamo = dynamo;
    this.simulator = simulator;
  }

  /** Starts both; {@link SimulatorUnavailableException} (one line) when Node.js/npm can't run. */
  public static AppSyncRig start() {
    EmbeddedDynamo dynamo = EmbeddedDynamo.start();
    try {
      return new AppSyncRig(dynamo, AppSyncSimulator.start(dynamo.endpoint(), API_KEY));
    } catch (RuntimeException e) {
      dynamo.close();
      throw e;
    }
  }

  public EmbeddedDynamo dynamo() {
    return dynamo;
  }

  public AppSyncSimulator simulator() {
    return simulator;
  }

  /** DynamoDB settings (enabled) on the simulator's own Task and TaskStage tables. */
  public TaskStoreSettings dynamoSettings() {
    return dynamo.settings().withTables(simulator.taskTable(), simulator.stageTable());
  }

  /** A realtime subscription client connected with the API key. */
  public AppSyncSubscriber subscriber() {
    return AppSyncSubscriber.connect(simulator);
  }

  @Override
  public void close() {
    simulator.close();
    dynamo.close();
  }
}
