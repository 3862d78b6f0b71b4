package us.anth.plexus.runner;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A DynamoDB item's size as counted against the 400 KB limit: each attribute name's UTF-8 length
 * plus its value's (strings by UTF-8 length, numbers approximated by their text, nested maps and
 * lists summed, one byte per element as DynamoDB adds) (test helper).
 */
final class ItemSize {
  private ItemSize() {}

  static long of(Map<String, AttributeValue> item) {
    long size = 0;
    for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
      size += utf8(attribute.getKey()) + value(attribute.getValue());
    }
    return size;
  }

  private static long value(AttributeValue value) {
    if (value.s() != null) {
      return utf8(value.s());
    }
    if (value.n() != null) {
      return value.n().length();
    }
    if (value.hasM()) {
      return 3 + of(value.m()) + value.m().size();
    }
    if (value.hasL()) {
      return 3 + value.l().stream().mapToLong(v -> 1 + value(v)).sum();
    }
    return 1;
  }

  private static long utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
