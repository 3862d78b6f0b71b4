package us.anth.plexus.runner.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The progress protocol: a marker line is {@code ::plexus:: } followed by one JSON object with an
 * {@code event} field, e.g. {@code ::plexus:: {"event":"progress","processed":120,"total":2000}}.
 * The same JSON objects, without the prefix, are accepted one per line in the progress file.
 */
public final class ProgressMarkers {
  /** Prefix a marker line starts with, exactly (column 0, one space after). */
  public static final String PREFIX = "::plexus:: ";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The fields an event may carry. */
  private static final Set<String> FIELDS =
      Set.of("event", "stage", "order", "processed", "total", "message", "output");

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
   * Parses one JSON object (a marker line's payload or a progress-file line); fields that cannot be
   * used are left out of the event (never turned into blanks) and named to {@code warn}, in one
   * line per object.
   *
   * @throws IllegalArgumentException with a one-line reason when it is not a valid event at all
   */
  public static ProgressEvent parseJson(String json, Consumer<String> warn) {
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
    List<String> problems = new ArrayList<>();
    node.fieldNames()
        .forEachRemaining(
            name -> {
              if (!FIELDS.contains(name)) {
                problems.add("unknown field '" + name + "' ignored");
              }
            });
    String message =
        kind == ProgressEvent.Kind.OUTPUT && present(node, "output")
            ? text(node, "output", problems)
            : text(node, "message", problems);
    if (kind == ProgressEvent.Kind.OUTPUT && message == null) {
      throw new IllegalArgumentException(
          "an output event needs a string 'output'" + (problems.isEmpty() ? "" : ": " + problems));
    }
    String stage = text(node, "stage", problems);
    if (kind == ProgressEvent.Kind.STAGE && stage == null) {
      problems.add("no stage name, so the stage '" + ProgressTracker.DEFAULT_STAGE + "' is used");
    }
    Integer order = null;
    if (present(node, "order")) {
      if (node.get("order").isNumber() && node.get("order").canConvertToInt()) {
        order = node.get("order").asInt();
      } else {
        problems.add("order " + node.get("order") + " is not an integer; ignored");
      }
    }
    ProgressEvent event =
        new ProgressEvent(
            kind,
            stage,
            order,
            number(node, "processed", problems),
            number(node, "total", problems),
            message);
    if (!problems.isEmpty()) {
      warn.accept(
          "progress event '"
              + kind.name().toLowerCase(Locale.ROOT)
              + "' partly applied ("
              + String.join("; ", problems)
              + ")");
    }
    return event;
  }

  /** Parses a marker line (see {@link #isMarker}); unusable fields are named to {@code warn}. */
  public static ProgressEvent parseLine(String line, Consumer<String> warn) {
    return parseJson(line.substring(PREFIX.length()), warn);
  }

  private static boolean present(JsonNode node, String field) {
    return node.has(field) && !node.get(field).isNull();
  }

  private static String text(JsonNode node, String field, List<String> problems) {
    if (!present(node, field)) {
      return null;
    }
    JsonNode value = node.get(field);
    if (value.isValueNode()) {
      return value.asText();
    }
    problems.add(
        field + " is " + (value.isObject() ? "an object" : "an array") + ", not text; ignored");
    return null;
  }

  private static Long number(JsonNode node, String field, List<String> problems) {
    if (!present(node, field)) {
      return null;
    }
    JsonNode value = node.get(field);
    if (value.isNumber() && value.canConvertToLong()) {
      return value.asLong();
    }
    problems.add(field + " " + abbreviate(value.toString()) + " is not a whole number; ignored");
    return null;
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 37) + "..." : text;
  }

  private static void putIfSet(
      com.fasterxml.jackson.databind.node.ObjectNode node, String k, String v) {
    if (v != null) {
      node.put(k, v);
    }
  }
}
