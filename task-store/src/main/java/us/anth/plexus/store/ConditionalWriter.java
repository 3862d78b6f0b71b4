package us.anth.plexus.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Sends one conditional update and classifies the answer: stored, superseded by a newer state,
 * missing record, or DynamoDB unavailable after the client's retries. Never throws.
 */
final class ConditionalWriter {
  private static final Logger LOG = LoggerFactory.getLogger(ConditionalWriter.class);

  private final DynamoDbClient client;

  ConditionalWriter(DynamoDbClient client) {
    this.client = client;
  }

  WriteResult write(UpdateItemRequest request) {
    try {
      client.updateItem(request);
      return WriteResult.APPLIED;
    } catch (ConditionalCheckFailedException newerOrMissing) {
      return newerOrMissing.hasItem() && !newerOrMissing.item().isEmpty()
          ? WriteResult.SUPERSEDED
          : WriteResult.NOT_FOUND;
    } catch (SdkException unavailable) {
      String message = oneLine(unavailable);
      LOG.warn("DynamoDB write to {} failed after retries: {}", request.tableName(), message);
      return WriteResult.unavailable(message);
    }
  }

  /** Like {@link #write} but an unreachable DynamoDB is thrown, for callers that must know. */
  WriteResult writeOrThrow(UpdateItemRequest request) {
    WriteResult result = write(request);
    if (result.outcome() == WriteResult.Outcome.UNAVAILABLE) {
      throw new TaskStoreUnavailableException(
          "DynamoDB table " + request.tableName() + " unavailable: " + result.error(), null);
    }
    return result;
  }

  static String oneLine(Throwable error) {
    String message =
        error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    return message.replaceAll("\\s+", " ").trim();
  }
}
