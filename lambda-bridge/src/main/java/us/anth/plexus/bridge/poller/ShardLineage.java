package us.anth.plexus.bridge.poller;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.Shard;

/** Orders a stream's shards so every parent comes before its children (records stay in order). */
final class ShardLineage {
  private ShardLineage() {}

  static List<Shard> parentsFirst(List<Shard> shards) {
    Map<String, Shard> byId = new LinkedHashMap<>();
    shards.forEach(shard -> byId.put(shard.shardId(), shard));
    List<Shard> ordered = new ArrayList<>(shards.size());
    Map<String, Boolean> placed = new LinkedHashMap<>();
    for (Shard shard : shards) {
      place(shard, byId, placed, ordered);
    }
    return ordered;
  }

  private static void place(
      Shard shard, Map<String, Shard> byId, Map<String, Boolean> placed, List<Shard> ordered) {
    // Walk up to the oldest listed ancestor iteratively; lineage chains can be long.
    List<Shard> chain = new ArrayList<>();
    for (Shard s = shard; s != null && !placed.containsKey(s.shardId()); ) {
      chain.add(s);
      placed.put(s.shardId(), true);
      s = s.parentShardId() == null ? null : byId.get(s.parentShardId());
    }
    for (int i = chain.size() - 1; i >= 0; i--) {
      ordered.add(chain.get(i));
    }
  }

  /** True when {@code shard}'s parent is still listed and not yet finished. */
  static boolean waitsForParent(
      Shard shard, Map<String, Shard> byId, ShardCheckpoints checkpoints) {
    String parent = shard.parentShardId();
    return parent != null && byId.containsKey(parent) && !checkpoints.isFinished(parent);
  }
}
