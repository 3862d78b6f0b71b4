package us.anth.plexus.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * AWSJSON fields ({@code metadata}, {@code errorDetails}) as text. We write them as a JSON string
 * (what AppSync stores for AWSJSON); a map stored by someone else is read back as JSON too.
 */
final class AttributeJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private AttributeJson() {}

  /** The attribute as JSON text: a string as is, a map or list converted; null when absent. */
  static String text(AttributeValue value) {
    if (value == null || Boolean.TRUE.equals(value.nul())) {
      return null;
    }
    if (value.s() != null) {
      return value.s();
    }
    return node(value).toString();
  }

  /** Parses JSON text into an object node; null, blank or non-object text gives null. */
  static ObjectNode parseObject(String text) {
    if (text == null || text.isBlank()) {
      return JsonNodeFactory.instance.objectNode();
    }
    try {
      JsonNode node = MAPPER.readTree(text);
      return node instanceof ObjectNode object ? object : null;
    } catch (JsonProcessingException notJson) {
      return null;
    }
  }

  /** A string map as a DynamoDB map of strings. */
  static AttributeValue map(Map<String, String> values) {
    var builder = new java.util.LinkedHashMap<String, AttributeValue>();
    values.forEach((k, v) -> builder.put(k, AttributeValue.fromS(v)));
    return AttributeValue.fromM(builder);
  }

  private static JsonNode node(AttributeValue value) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (value.s() != null) {
      return f.textNode(value.s());
    }
    if (value.n() != null) {
      return f.numberNode(new java.math.BigDecimal(value.n()));
    }
    if (value.bool() != null) {
      return f.booleanNode(value.bool());
    }
    if (value.hasM()) {
      ObjectNode object = f.objectNode();
      value.m().forEach((k, v) -> object.set(k, node(v)));
      return object;
    }
    if (value.hasL()) {
      ArrayNode array = f.arrayNode();
      value.l().forEach(v -> array.add(node(v)));
      return array;
    }
    if (value.hasSs()) {
      ArrayNode array = f.arrayNode();
      value.ss().forEach(array::add);
      return array;
    }
    return f.nullNode();
  }
}
