package us.anth.plexus.bridge.poller;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import us.anth.plexus.bridge.BridgeConfig;
import us.anth.plexus.bridge.BridgeCores;
import us.anth.plexus.bridge.BridgeFixture;
import us.anth.plexus.bridge.StreamFrontEnd;

/**
 * The stream poller running in the background with the production record handler, checkpointing in
 * the mock API; {@link #deliverNew()} waits until it has handled every record in the stream (test
 * fixture).
 */
public final class PollerFrontEnd implements StreamFrontEnd {
  private static final PollerOptions FAST =
      new PollerOptions(2, Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(200));

  private final BridgeFixture.Table table;
  private final StreamPoller poller;
  private final Thread thread;
  private final Set<String> handled = ConcurrentHashMap.newKeySet();

  public PollerFrontEnd(
      BridgeFixture fixture, BridgeFixture.Table table, BridgeConfig config, String namespace) {
    this.table = table;
    StreamRecordHandler production =
        new DispatchingHandler(
            BridgeCores.forTable(
                fixture.dynamo(), table.settings(), table.name(), fixture.kube(), config));
    ShardCheckpoints checkpoints =
        ConfigMapCheckpoints.load(fixture.kube(), namespace, "checkpoint", table.streamArn());
    this.poller =
        new StreamPoller(
            fixture.streams(),
            table.streamArn(),
            checkpoints,
            record -> {
              production.handle(record);
              handled.add(record.dynamodb().sequenceNumber());
            },
            FAST);
    this.thread = new Thread(poller, "stream-poller");
    thread.start();
  }

  @Override
  public void deliverNew() {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                table.streamRecords().stream()
                    .allMatch(r -> handled.contains(r.dynamodb().sequenceNumber())));
  }

  @Override
  public void close() {
    poller.stop();
    try {
      poller.awaitStopped(Duration.ofSeconds(10));
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
