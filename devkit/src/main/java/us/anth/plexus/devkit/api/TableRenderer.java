package us.anth.plexus.devkit.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Turns a list (or single object) JSON document into a {@code meta.k8s.io/v1 Table} using CRD
 * printer columns, as the API server does for {@code kubectl get}. Pure: the clock is a parameter.
 */
public final class TableRenderer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<PrinterColumn> columns;

  public TableRenderer(List<PrinterColumn> columns) {
    this.columns = List.copyOf(columns);
  }

  /** Renders {@code body} (a List or one object) as a Table at time {@code now}. */
  public String render(String body, Instant now) {
    JsonNode doc = parse(body);
    ObjectNode table = JSON.createObjectNode().put("kind", "Table");
    table.put("apiVersion", "meta.k8s.io/v1");
    table
        .putObject("metadata")
        .put("resourceVersion", doc.path("metadata").path("resourceVersion").asText(""));
    ArrayNode defs = table.putArray("columnDefinitions");
    defs.addObject()
        .put("name", "Name")
        .put("type", "string")
        .put("format", "name")
        .put("description", "Name of the resource")
        .put("priority", 0);
    for (PrinterColumn c : columns) {
      defs.addObject()
          .put("name", c.name())
          .put("type", c.type().equals("date") ? "string" : c.type())
          .put("format", "")
          .put("description", c.jsonPath())
          .put("priority", 0);
    }
    ArrayNode rows = table.putArray("rows");
    JsonNode items = doc.has("items") ? doc.get("items") : JSON.createArrayNode().add(doc);
    for (JsonNode item : items) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      cells.add(item.path("metadata").path("name").asText());
      for (PrinterColumn c : columns) {
        cells.add(cell(item, c, now));
      }
      ObjectNode object = row.putObject("object");
      object.put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
      object.set("metadata", item.path("metadata"));
    }
    return table.toString();
  }

  private static String cell(JsonNode item, PrinterColumn column, Instant now) {
    JsonNode value = item;
    for (String part : column.jsonPath().replaceFirst("^\\.", "").split("\\.")) {
      value = value.path(part);
    }
    if (value.isMissingNode() || value.isNull()) {
      return "";
    }
    if (column.type().equals("date")) {
      return humanAge(Duration.between(Instant.parse(value.asText()), now));
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  /** kubectl's short age format: 42s, 5m, 3h, 2d. */
  static String humanAge(Duration age) {
    long s = Math.max(0, age.getSeconds());
    if (s < 120) {
      return s + "s";
    }
    if (s < 7200) {
      return (s / 60) + "m";
    }
    if (s < 172800) {
      return (s / 3600) + "h";
    }
    return (s / 86400) + "d";
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
