package us.anth.plexus.bridge.lambda;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.Record;
import us.anth.plexus.bridge.BridgeConfig;
import us.anth.plexus.bridge.BridgeCores;
import us.anth.plexus.bridge.BridgeFixture;
import us.anth.plexus.bridge.StreamFrontEnd;

/**
 * The Lambda handler as the event source mapping drives it: new records in one batch; a reported
 * batch item failure is redelivered from that record on, as Lambda retries (test fixture).
 */
public final class LambdaFrontEnd implements StreamFrontEnd {
  private static final int MAX_RETRIES = 5;

  private final BridgeFixture.Table table;
  private final TaskStreamHandler handler;
  private final Set<String> delivered = new HashSet<>();

  public LambdaFrontEnd(BridgeFixture fixture, BridgeFixture.Table table, BridgeConfig config) {
    this.table = table;
    this.handler =
        new TaskStreamHandler(
            name ->
                BridgeCores.forTable(
                    fixture.dynamo(), table.settings(), name, fixture.kube(), config));
  }

  @Override
  public void deliverNew() {
    List<Record> batch =
        table.streamRecords().stream()
            .filter(r -> !delivered.contains(r.dynamodb().sequenceNumber()))
            .toList();
    for (int retry = 0; !batch.isEmpty() && retry <= MAX_RETRIES; retry++) {
      var failures =
          handler
              .handleRequest(LambdaEvents.of(table.streamArn(), batch), null)
              .getBatchItemFailures();
      String failed = failures.isEmpty() ? null : failures.get(0).getItemIdentifier();
      int from = 0;
      while (from < batch.size() && !batch.get(from).dynamodb().sequenceNumber().equals(failed)) {
        delivered.add(batch.get(from++).dynamodb().sequenceNumber());
      }
      batch = batch.subList(from, batch.size());
    }
  }

  @Override
  public void close() {}
}
