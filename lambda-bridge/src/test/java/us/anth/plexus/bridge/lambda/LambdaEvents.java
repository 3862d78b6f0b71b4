package us.anth.plexus.bridge.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Builds the DynamodbEvent Lambda would deliver for stream records read with the Streams API (test
 * fixture).
 */
public final class LambdaEvents {
  private LambdaEvents() {}

  public static DynamodbEvent of(String streamArn, List<Record> records) {
    DynamodbEvent event = new DynamodbEvent();
    event.setRecords(records.stream().map(r -> record(streamArn, r)).toList());
    return event;
  }

  private static DynamodbStreamRecord record(String streamArn, Record source) {
    DynamodbStreamRecord record = new DynamodbStreamRecord();
    record.setEventSourceARN(streamArn);
    record.setEventID(source.eventID());
    record.setEventName(source.eventNameAsString());
    record.setEventSource("aws:dynamodb");
    record.setEventVersion(source.eventVersion());
    record.setAwsRegion(source.awsRegion());
    var stream = source.dynamodb();
    StreamRecord converted = new StreamRecord();
    converted.setSequenceNumber(stream.sequenceNumber());
    converted.setSizeBytes(stream.sizeBytes());
    converted.setStreamViewType(
        com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.fromValue(
            stream.streamViewTypeAsString()));
    converted.setKeys(image(stream.keys()));
    converted.setNewImage(stream.hasNewImage() ? image(stream.newImage()) : null);
    converted.setOldImage(stream.hasOldImage() ? image(stream.oldImage()) : null);
    if (stream.approximateCreationDateTime() != null) {
      converted.setApproximateCreationDateTime(
          java.util.Date.from(stream.approximateCreationDateTime()));
    }
    record.setDynamodb(converted);
    return record;
  }

  private static Map<String, AttributeValue> image(
      Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> image) {
    Map<String, AttributeValue> converted = new LinkedHashMap<>();
    image.forEach((k, v) -> converted.put(k, value(v)));
    return converted;
  }

  private static AttributeValue value(
      software.amazon.awssdk.services.dynamodb.model.AttributeValue v) {
    AttributeValue out = new AttributeValue();
    if (v.s() != null) {
      out.setS(v.s());
    } else if (v.n() != null) {
      out.setN(v.n());
    } else if (v.bool() != null) {
      out.setBOOL(v.bool());
    } else if (Boolean.TRUE.equals(v.nul())) {
      out.setNULL(true);
    } else if (v.hasM()) {
      out.setM(image(v.m()));
    } else if (v.hasL()) {
      out.setL(v.l().stream().map(LambdaEvents::value).toList());
    } else if (v.hasSs()) {
      out.setSS(v.ss());
    } else if (v.hasNs()) {
      out.setNS(v.ns());
    } else if (v.b() != null) {
      out.setB(v.b().asByteBuffer());
    }
    return out;
  }
}
