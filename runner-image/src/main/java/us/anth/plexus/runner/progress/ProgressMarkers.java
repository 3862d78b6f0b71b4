package us.anth.plexus.runner.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;

/**
 * The progress protocol: a marker line is {@code ::plexus:: } followed by one JSON object with an
 * {@code event} field, e.g. {@code ::plexus:: {"event":"progress","processed":120,"total":2000}}.
 * The same JSON objects, without the prefix, are accepted one per line in the progress file.
 */
public final class ProgressMarkers {
  /** Prefix a marker line starts with, exactly (column 0, one space after). */
  public static final String PREFIX = "::plexus:: ";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProgressMarkers() {}

  /** Whether a line claims to be a marker (it may still be malformed). */
  public static boolean isMarker(String line) {
    return line.startsWith(PREFIX + "{");
  }

  /** The marker line for an event, as a command would print it. */
  public static String format(ProgressEvent event) {
    var node = JSON.createObjectNode();
    node.put("event", event.kind().name().toLowerCase(Locale.ROOT));
    putIfSet(node, "stage", event.stage());
    if (event.order() != null) {
      node.put("order", event.order());
    }
    if (event.processed() != null) {
      node.put("processed", event.processed());
    }
    if (event.total() != null) {
      node.put("total", event.total());
    }
    putIfSet(node, "message", event.message());
    return PREFIX + node;
  }

  /**
   * Parses one JSON object (a marker line's payload or a progress-file line).
   *
   * @throws IllegalArgumentException with a one-line reason when it is not a valid event
   */
  public static ProgressEvent parseJson(String json) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException("not valid JSON");
    }
    if (node == null || !node.isObject() || !node.path("event").isTextual()) {
      throw new IllegalArgumentException("expected a JSON object with an \"event\" field");
    }
    ProgressEvent.Kind kind;
    try {
      kind = ProgressEvent.Kind.valueOf(node.get("event").asText().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown event '" + node.get("event").asText() + "'");
    }
    String message = text(node, kind == ProgressEvent.Kind.OUTPUT ? "output" : "message");
    return new ProgressEvent(
        kind,
        text(node, "stage"),
        node.path("order").canConvertToInt() ? node.get("order").asInt() : null,
        number(node, "processed"),
        number(node, "total"),
        message != null ? message : text(node, "message"));
  }

  /** Parses a marker line (see {@link #isMarker}). */
  public static ProgressEvent parseLine(String line) {
    return parseJson(line.substring(PREFIX.length()));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Long number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isNumber() ? value.asLong() : null;
  }

  private static void putIfSet(
      com.fasterxml.jackson.databind.node.ObjectNode node, String k, String v) {
    if (v != null) {
      node.put(k, v);
    }
  }
}
