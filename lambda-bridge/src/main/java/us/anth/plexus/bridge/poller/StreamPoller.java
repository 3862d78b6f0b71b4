package us.anth.plexus.bridge.poller;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads a DynamoDB stream shard by shard (parents before children), hands each record to a handler,
 * retries a failing record until it is handled, and checkpoints after every record, so a restart
 * resumes right after the last handled record: nothing skipped, nothing handled twice except a
 * record whose handling was cut short by the crash itself.
 */
public final class StreamPoller implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamPoller.class);

  private final DynamoDbStreamsClient streams;
  private final String streamArn;
  private final ShardCheckpoints checkpoints;
  private final StreamRecordHandler handler;
  private final PollerOptions options;
  private final ShardIterators iterators;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);

  public StreamPoller(
      DynamoDbStreamsClient streams,
      String streamArn,
      ShardCheckpoints checkpoints,
      StreamRecordHandler handler,
      PollerOptions options) {
    this.streams = streams;
    this.streamArn = streamArn;
    this.checkpoints = checkpoints;
    this.handler = handler;
    this.options = options;
    this.iterators = new ShardIterators(streams, streamArn, checkpoints);
  }

  /** Polls until {@link #stop()}. */
  @Override
  public void run() {
    try {
      Duration errorPause = options.firstRetryDelay();
      while (!stopping()) {
        try {
          boolean handledAny = pollOnce();
          errorPause = options.firstRetryDelay();
          if (!handledAny) {
            pause(options.idlePause());
          }
        } catch (RuntimeException e) {
          LOG.warn(
              "Polling stream {} failed, retrying in {}: {}", streamArn, errorPause, e.toString());
          pause(errorPause);
          errorPause = longer(errorPause);
        }
      }
    } finally {
      stopped.countDown();
    }
  }

  /** Asks the poller to stop after the record in hand; returns at once. */
  public void stop() {
    stopRequested.countDown();
  }

  /** Waits up to {@code timeout} for {@link #run()} to return. */
  public boolean awaitStopped(Duration timeout) throws InterruptedException {
    return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One pass over every readable shard; true when at least one record was handled. */
  public boolean pollOnce() {
    List<Shard> shards = listShards();
    Map<String, Shard> byId =
        shards.stream()
            .collect(Collectors.toMap(Shard::shardId, s -> s, (a, b) -> a, HashMap::new));
    checkpoints.retainOnly(byId.keySet());
    iterators.retainOnly(byId.keySet());
    boolean handledAny = false;
    for (Shard shard : ShardLineage.parentsFirst(shards)) {
      if (stopping()) {
        break;
      }
      if (checkpoints.isFinished(shard.shardId())
          || ShardLineage.waitsForParent(shard, byId, checkpoints)) {
        continue;
      }
      handledAny |= readShard(shard.shardId());
    }
    return handledAny;
  }

  private boolean readShard(String shardId) {
    boolean handledAny = false;
    String iterator = iterators.current(shardId);
    while (!stopping()) {
      List<Record> records;
      String next;
      try {
        String from = iterator;
        var response =
            streams.getRecords(r -> r.shardIterator(from).limit(options.recordsPerCall()));
        records = response.records();
        next = response.nextShardIterator();
      } catch (ExpiredIteratorException | TrimmedDataAccessException e) {
        LOG.info(
            "Shard {} iterator no longer valid ({}); reopening from checkpoint",
            shardId,
            e.getClass().getSimpleName());
        iterators.forget(shardId);
        return handledAny;
      }
      for (Record record : records) {
        if (!handleUntilDone(record)) {
          iterators.forget(shardId);
          return handledAny;
        }
        checkpoints.recordHandled(shardId, record.dynamodb().sequenceNumber());
        handledAny = true;
      }
      if (next == null) {
        checkpoints.recordFinished(shardId);
        iterators.forget(shardId);
        return handledAny;
      }
      iterator = next;
      if (records.isEmpty()) {
        iterators.remember(shardId, next);
        return handledAny;
      }
    }
    iterators.forget(shardId);
    return handledAny;
  }

  private boolean handleUntilDone(Record record) {
    Duration delay = options.firstRetryDelay();
    while (!stopping()) {
      try {
        handler.handle(record);
        return true;
      } catch (RuntimeException e) {
        LOG.warn(
            "Record {} not handled, retrying in {}: {}",
            record.dynamodb().sequenceNumber(),
            delay,
            e.getMessage());
        pause(delay);
        delay = longer(delay);
      }
    }
    return false;
  }

  private List<Shard> listShards() {
    List<Shard> shards = new ArrayList<>();
    String start = null;
    do {
      String from = start;
      var description =
          streams
              .describeStream(r -> r.streamArn(streamArn).exclusiveStartShardId(from))
              .streamDescription();
      shards.addAll(description.shards());
      start = description.lastEvaluatedShardId();
    } while (start != null);
    return shards;
  }

  private Duration longer(Duration delay) {
    Duration doubled = delay.multipliedBy(2);
    return doubled.compareTo(options.maxRetryDelay()) > 0 ? options.maxRetryDelay() : doubled;
  }

  private boolean stopping() {
    return stopRequested.getCount() == 0;
  }

  private void pause(Duration duration) {
    try {
      stopRequested.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop();
    }
  }
}
