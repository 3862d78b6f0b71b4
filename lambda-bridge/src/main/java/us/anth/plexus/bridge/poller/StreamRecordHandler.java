package us.anth.plexus.bridge.poller;

import software.amazon.awssdk.services.dynamodb.model.Record;

/** Handles one stream record; throwing means "not handled, deliver it again". */
@FunctionalInterface
public interface StreamRecordHandler {
  void handle(Record record);
}
