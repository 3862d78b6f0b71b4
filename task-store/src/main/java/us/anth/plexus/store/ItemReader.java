package us.anth.plexus.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Typed reads of a raw DynamoDB item; absent or differently typed attributes read as null. */
final class ItemReader {
  private final Map<String, AttributeValue> item;

  ItemReader(Map<String, AttributeValue> item) {
    this.item = item;
  }

  String s(String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  Long n(String name) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? null : Long.valueOf(value.n());
  }

  Boolean bool(String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.bool();
  }

  List<String> strings(String name) {
    AttributeValue value = item.get(name);
    if (value == null) {
      return null;
    }
    if (value.hasSs()) {
      return List.copyOf(value.ss());
    }
    List<String> strings = new ArrayList<>();
    if (value.hasL()) {
      value.l().forEach(v -> strings.add(v.s()));
    }
    return strings;
  }
}
