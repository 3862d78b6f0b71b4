package us.anth.plexus.bridge.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import us.anth.plexus.bridge.TaskChange;

/** Converts the Lambda runtime's stream records to the SDK v2 model the bridge core reads. */
final class LambdaStreamRecords {
  private LambdaStreamRecords() {}

  static TaskChange toChange(DynamodbStreamRecord record) {
    var stream = record.getDynamodb();
    return new TaskChange(
        record.getEventName(),
        stream == null ? null : image(stream.getOldImage()),
        stream == null ? null : image(stream.getNewImage()));
  }

  private static Map<String, AttributeValue> image(
      Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue>
          image) {
    if (image == null) {
      return null;
    }
    Map<String, AttributeValue> converted = new LinkedHashMap<>();
    image.forEach((name, value) -> converted.put(name, value(value)));
    return converted;
  }

  private static AttributeValue value(
      com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue value) {
    AttributeValue.Builder builder = AttributeValue.builder();
    if (value.getS() != null) {
      return builder.s(value.getS()).build();
    }
    if (value.getN() != null) {
      return builder.n(value.getN()).build();
    }
    if (value.getBOOL() != null) {
      return builder.bool(value.getBOOL()).build();
    }
    if (value.getNULL() != null) {
      return builder.nul(value.getNULL()).build();
    }
    if (value.getB() != null) {
      return builder.b(SdkBytes.fromByteBuffer(value.getB())).build();
    }
    if (value.getM() != null) {
      return builder.m(image(value.getM())).build();
    }
    if (value.getL() != null) {
      return builder.l(value.getL().stream().map(LambdaStreamRecords::value).toList()).build();
    }
    if (value.getSS() != null) {
      return builder.ss(value.getSS()).build();
    }
    if (value.getNS() != null) {
      return builder.ns(value.getNS()).build();
    }
    if (value.getBS() != null) {
      List<SdkBytes> bytes = value.getBS().stream().map(SdkBytes::fromByteBuffer).toList();
      return builder.bs(bytes).build();
    }
    return builder.nul(true).build();
  }
}
