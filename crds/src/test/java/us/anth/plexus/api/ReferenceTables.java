package us.anth.plexus.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Renders the CRD reference page (field tables, rules, columns) from a generated CRD. */
final class ReferenceTables {
  private ReferenceTables() {}

  /** The "## Kind `part`" heading and field table of {@code spec} or {@code status}. */
  static String fieldTable(JsonNode crd, String part) {
    JsonNode schema = version(crd).at("/schema/openAPIV3Schema/properties/" + part);
    StringBuilder out = new StringBuilder();
    out.append("## ").append(crd.at("/spec/names/kind").asText()).append(" `" + part + "`\n\n");
    out.append("| field | type | meaning |\n| --- | --- | --- |\n");
    rows(schema, "", out);
    return out.toString();
  }

  /** The list of the CEL rules' messages, or "" when the CRD has none. */
  static String validationRules(JsonNode crd) {
    List<String> messages = new ArrayList<>();
    version(crd).at("/schema/openAPIV3Schema").findValues("x-kubernetes-validations").stream()
        .flatMap(rules -> StreamSupport.stream(rules.spliterator(), false))
        .forEach(rule -> messages.add(rule.path("message").asText()));
    return messages.isEmpty()
        ? ""
        : "Validation rules (CEL, enforced by the API server):\n\n- "
            + String.join("\n- ", messages);
  }

  /** The sentence giving the columns of {@code kubectl get <short name>}, in the CRD's order. */
  static String printerColumns(JsonNode crd) {
    String columns =
        StreamSupport.stream(version(crd).path("additionalPrinterColumns").spliterator(), false)
            .map(c -> c.path("name").asText().toUpperCase())
            .collect(Collectors.joining(", "));
    return "`kubectl get "
        + crd.at("/spec/names/shortNames/0").asText()
        + "` columns: NAME, "
        + columns
        + ".";
  }

  private static JsonNode version(JsonNode crd) {
    return crd.at("/spec/versions/0");
  }

  private static void rows(JsonNode schema, String prefix, StringBuilder out) {
    List<String> required = texts(schema.path("required"));
    new TreeMap<String, JsonNode>(fields(schema.path("properties")))
        .forEach(
            (name, field) -> {
              out.append("| `").append(prefix).append(name).append("` | ").append(type(field));
              out.append(" | ").append(field.path("description").asText());
              out.append(notes(field, required.contains(name))).append(" |\n");
              boolean array = field.path("type").asText().equals("array");
              JsonNode nested = array ? field.path("items") : field;
              if (describedProperties(nested)) {
                rows(nested, prefix + name + (array ? "[]." : "."), out);
              }
            });
  }

  private static String notes(JsonNode field, boolean required) {
    List<String> notes = new ArrayList<>();
    if (required) {
      notes.add("required");
    }
    if (field.has("default")) {
      notes.add("default `" + field.get("default").asText() + "`");
    }
    if (field.has("minimum")) {
      notes.add("min " + field.get("minimum").asLong());
    }
    if (field.has("maximum")) {
      notes.add("max " + field.get("maximum").asLong());
    }
    sizes(field, "", notes);
    sizes(field.path("items"), "each ", notes);
    if (field.has("pattern")) {
      notes.add("pattern `" + field.get("pattern").asText() + "`");
    }
    if (field.has("enum")) {
      notes.add(
          "one of "
              + texts(field.get("enum")).stream()
                  .sorted()
                  .map(e -> "`" + e + "`")
                  .collect(Collectors.joining(", ")));
    }
    return notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
  }

  private static void sizes(JsonNode field, String lead, List<String> notes) {
    if (field.path("minLength").asInt() == 1) {
      notes.add(lead + "non-empty");
    }
    if (field.has("maxLength")) {
      notes.add(lead + "at most " + field.get("maxLength").asInt() + " characters");
    }
    if (field.has("minItems")) {
      notes.add(lead + "at least " + items(field.get("minItems").asInt()));
    }
    if (field.has("maxItems")) {
      notes.add(lead + "at most " + items(field.get("maxItems").asInt()));
    }
  }

  private static String items(int count) {
    return count + (count == 1 ? " item" : " items");
  }

  private static String type(JsonNode field) {
    String type = field.path("type").asText("object");
    return type.equals("array") ? "array of " + field.at("/items/type").asText("object") : type;
  }

  private static boolean describedProperties(JsonNode schema) {
    JsonNode props = schema.path("properties");
    return props.size() > 0
        && StreamSupport.stream(props.spliterator(), false).allMatch(p -> p.has("description"));
  }

  private static Map<String, JsonNode> fields(JsonNode node) {
    Map<String, JsonNode> map = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
    return map;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(e -> texts.add(e.asText()));
    return texts;
  }
}
