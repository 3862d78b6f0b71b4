package us.anth.plexus.bridge.poller;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.Record;
import us.anth.plexus.bridge.BridgeCore;
import us.anth.plexus.bridge.DispatchOutcome;
import us.anth.plexus.bridge.TaskChange;

/** Hands stream records to the bridge core and logs what it did. */
final class DispatchingHandler implements StreamRecordHandler {
  private static final Logger LOG = LoggerFactory.getLogger(DispatchingHandler.class);

  private final BridgeCore core;

  DispatchingHandler(BridgeCore core) {
    this.core = core;
  }

  @Override
  public void handle(Record record) {
    DispatchOutcome outcome = core.dispatch(TaskChange.of(record));
    LOG.info(
        "{} {}: {} ({})",
        record.dynamodb().sequenceNumber(),
        outcome.taskId(),
        outcome.kind(),
        outcome.detail());
  }
}
