package us.anth.plexus.bridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Task.metadata as JSON. The dashboard stores it as an AWSJSON string (sometimes encoded twice);
 * other writers store a map. Text that is not JSON is kept as a JSON string.
 */
final class MetadataJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private MetadataJson() {}

  static JsonNode read(AttributeValue value) {
    if (value == null || Boolean.TRUE.equals(value.nul())) {
      return null;
    }
    if (value.s() != null) {
      JsonNode parsed = parse(value.s());
      return parsed.isTextual() ? parse(parsed.asText()) : parsed;
    }
    return convert(value);
  }

  private static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return TextNode.valueOf(text);
    }
  }

  private static JsonNode convert(AttributeValue value) {
    if (value.s() != null) {
      return TextNode.valueOf(value.s());
    }
    if (value.n() != null) {
      return NODES.numberNode(new BigDecimal(value.n()));
    }
    if (value.bool() != null) {
      return NODES.booleanNode(value.bool());
    }
    if (value.hasM()) {
      ObjectNode object = NODES.objectNode();
      for (Map.Entry<String, AttributeValue> entry : value.m().entrySet()) {
        object.set(entry.getKey(), convert(entry.getValue()));
      }
      return object;
    }
    if (value.hasL()) {
      ArrayNode array = NODES.arrayNode();
      value.l().forEach(item -> array.add(convert(item)));
      return array;
    }
    if (value.hasSs()) {
      ArrayNode array = NODES.arrayNode();
      value.ss().forEach(array::add);
      return array;
    }
    return NODES.nullNode();
  }
}
