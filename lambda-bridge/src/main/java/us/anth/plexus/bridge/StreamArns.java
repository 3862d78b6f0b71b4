package us.anth.plexus.bridge;

/**
 * Reads the table name out of a DynamoDB stream ARN, e.g. {@code
 * arn:aws:dynamodb:us-east-1:123456789012:table/Task-abc-NONE/stream/2024-01-01T00:00:00.000}.
 */
public final class StreamArns {
  private StreamArns() {}

  /** The table the stream belongs to; an error naming the ARN when it is not a stream ARN. */
  public static String tableName(String streamArn) {
    int table = streamArn == null ? -1 : streamArn.indexOf(":table/");
    int stream = table < 0 ? -1 : streamArn.indexOf("/stream/", table);
    if (stream < 0) {
      throw new IllegalArgumentException(
          "'" + streamArn + "' is not a DynamoDB stream ARN (…:table/<name>/stream/<label>)");
    }
    return streamArn.substring(table + ":table/".length(), stream);
  }
}
