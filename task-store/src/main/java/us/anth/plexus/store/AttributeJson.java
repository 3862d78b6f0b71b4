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
 * AWSJSON fields ({@code metadata}, {@code errorDetails}). AppSync stores an AWSJSON value as the
 * DynamoDB map (or list) it parses to, not as JSON text (seen with Amplify's resolvers in the
 * AppSync simulator, AppSyncTaskWriterIT); we write that form too, and read both forms back as JSON
 * text.
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

  /**
   * The attribute AppSync would store for this AWSJSON text: a map for an object, a list for an
   * array, the text itself for anything else (a scalar, or text that is not JSON); null for null.
   */
  static AttributeValue value(String json) {
    if (json == null) {
      return null;
    }
    try {
      JsonNode node = MAPPER.readTree(json);
      return node != null && node.isContainerNode() ? attribute(node) : AttributeValue.fromS(json);
    } catch (JsonProcessingException notJson) {
      return AttributeValue.fromS(json);
    }
  }

  private static AttributeValue attribute(JsonNode node) {
    if (node.isObject()) {
      var map = new java.util.LinkedHashMap<String, AttributeValue>();
      node.properties().forEach(e -> map.put(e.getKey(), attribute(e.getValue())));
      return AttributeValue.fromM(map);
    }
    if (node.isArray()) {
      var list = new java.util.ArrayList<AttributeValue>();
      node.forEach(element -> list.add(attribute(element)));
      return AttributeValue.fromL(list);
    }
    if (node.isNumber()) {
      return AttributeValue.fromN(node.asText());
    }
    if (node.isBoolean()) {
      return AttributeValue.fromBool(node.booleanValue());
    }
    if (node.isNull()) {
      return AttributeValue.fromNul(true);
    }
    return AttributeValue.fromS(node.asText());
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

  /** A map as the DynamoDB map AppSync would store for it (text values stay strings). */
  static AttributeValue map(Map<String, ?> values) {
    return attribute(MAPPER.valueToTree(values));
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
