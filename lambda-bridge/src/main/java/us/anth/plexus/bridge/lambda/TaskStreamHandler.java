package us.anth.plexus.bridge.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import us.anth.plexus.bridge.BridgeCore;
import us.anth.plexus.bridge.DispatchOutcome;
import us.anth.plexus.bridge.StreamArns;

/**
 * AWS Lambda entry point for the Task table's stream: dispatches each record with the bridge core
 * (the table comes from the record's event source ARN) and reports the first record that must be
 * retried in {@code batchItemFailures}, so records before it are never re-run and records after it
 * are redelivered in order.
 */
public final class TaskStreamHandler
    implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(TaskStreamHandler.class);

  private final Function<String, BridgeCore> coreForTable;
  private final Map<String, BridgeCore> cores = new ConcurrentHashMap<>();

  /** Used by the Lambda runtime: configuration from the function's environment. */
  public TaskStreamHandler() {
    this(LambdaBridgeFactory.fromEnv(System.getenv())::coreForTable);
  }

  /** A handler whose core for each table name comes from {@code coreForTable}. */
  public TaskStreamHandler(Function<String, BridgeCore> coreForTable) {
    this.coreForTable = coreForTable;
  }

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    List<DynamodbStreamRecord> records =
        event.getRecords() == null ? List.of() : event.getRecords();
    for (DynamodbStreamRecord record : records) {
      String sequenceNumber = record.getDynamodb().getSequenceNumber();
      try {
        BridgeCore core =
            cores.computeIfAbsent(StreamArns.tableName(record.getEventSourceARN()), coreForTable);
        DispatchOutcome outcome = core.dispatch(LambdaStreamRecords.toChange(record));
        LOG.info(
            "{} {}: {} ({})", sequenceNumber, outcome.taskId(), outcome.kind(), outcome.detail());
      } catch (RuntimeException e) {
        LOG.warn("{}: will be retried: {}", sequenceNumber, e.getMessage());
        return new StreamsEventResponse(List.of(new BatchItemFailure(sequenceNumber)));
      }
    }
    return new StreamsEventResponse(List.of());
  }
}
