package us.anth.plexus.bridge.poller;

import java.util.Collection;

/** Durable record of how far the poller got in each shard of one stream. */
public interface ShardCheckpoints {
  /** Value stored for a shard whose records have all been handled and which is closed. */
  String FINISHED = "finished";

  /** The last handled sequence number of {@code shardId}, or null when none was handled. */
  String lastSequenceNumber(String shardId);

  /** True when {@code shardId} is closed and fully handled. */
  boolean isFinished(String shardId);

  /** Records that the record {@code sequenceNumber} of {@code shardId} has been handled. */
  void recordHandled(String shardId, String sequenceNumber);

  /** Records that {@code shardId} is closed and all its records were handled. */
  void recordFinished(String shardId);

  /** Forgets every shard not in {@code liveShardIds} (shards the stream no longer lists). */
  void retainOnly(Collection<String> liveShardIds);
}
