package us.anth.plexus.bridge.poller;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Shard iterators of the open shards the poller has caught up with (one per shard, so memory is
 * bounded by the shard count); a shard without one is opened after its checkpoint, or at its start.
 */
final class ShardIterators {
  private static final Logger LOG = LoggerFactory.getLogger(ShardIterators.class);
  private final DynamoDbStreamsClient streams;
  private final String streamArn;
  private final ShardCheckpoints checkpoints;
  private final Map<String, String> open = new HashMap<>();

  ShardIterators(DynamoDbStreamsClient streams, String streamArn, ShardCheckpoints checkpoints) {
    this.streams = streams;
    this.streamArn = streamArn;
    this.checkpoints = checkpoints;
  }

  String current(String shardId) {
    String iterator = open.remove(shardId);
    if (iterator != null) {
      return iterator;
    }
    String after = checkpoints.lastSequenceNumber(shardId);
    try {
      return open(shardId, after);
    } catch (TrimmedDataAccessException e) {
      LOG.warn(
          "Shard {}: records after checkpoint {} are past the stream's retention; reading from the"
              + " oldest record kept",
          shardId,
          after);
      return open(shardId, null);
    }
  }

  private String open(String shardId, String after) {
    return streams
        .getShardIterator(
            r -> {
              r.streamArn(streamArn).shardId(shardId);
              if (after == null) {
                r.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
              } else {
                r.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after);
              }
            })
        .shardIterator();
  }

  void remember(String shardId, String iterator) {
    open.put(shardId, iterator);
  }

  void forget(String shardId) {
    open.remove(shardId);
  }

  void retainOnly(Collection<String> liveShardIds) {
    open.keySet().retainAll(liveShardIds);
  }
}
