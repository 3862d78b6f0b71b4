package us.anth.plexus.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds values that CEL rules of a CRD schema read without a size bound. The API server estimates
 * an unbounded string at ~3 MB and an unbounded list at ~1 million items, so such a rule's
 * estimated cost exceeds the budget and the whole CRD is rejected at apply time.
 *
 * <p>A rule reads the node it sits on, every property below it whose name the rule selects ({@code
 * .name}), and the items of every list or map it reads (iteration); a rule that uses {@code self}
 * or {@code oldSelf} as a whole (e.g. {@code self == oldSelf}) reads everything below.
 */
final class CelRuleBounds {
  private static final Pattern SELECTED = Pattern.compile("\\.\\s*([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern WHOLE_SELF = Pattern.compile("\\b(?:self|oldSelf)\\b(?!\\s*\\.)");
  private static final Set<String> BOUNDED_FORMATS = Set.of("date", "date-time", "duration");

  private final List<String> problems = new ArrayList<>();
  private int rules;

  /** Checks every rule in {@code schema}; {@code path} names the schema root in messages. */
  static CelRuleBounds check(JsonNode schema, String path) {
    CelRuleBounds bounds = new CelRuleBounds();
    bounds.walk(schema, path);
    return bounds;
  }

  /** One line per unbounded value a rule reads: where, what is missing, which rule. */
  List<String> problems() {
    return problems;
  }

  /** Number of rules checked. */
  int rules() {
    return rules;
  }

  private void walk(JsonNode node, String path) {
    for (JsonNode rule : node.path("x-kubernetes-validations")) {
      rules++;
      String text = rule.path("rule").asText();
      Set<String> selected = new HashSet<>();
      Matcher m = SELECTED.matcher(text);
      while (m.find()) {
        selected.add(m.group(1));
      }
      visit(node, path, true, new Rule(text, selected, WHOLE_SELF.matcher(text).find()));
    }
    node.path("properties")
        .fields()
        .forEachRemaining(e -> walk(e.getValue(), path + "." + e.getKey()));
    if (node.has("items")) {
      walk(node.get("items"), path + "[]");
    }
    if (node.path("additionalProperties").isObject()) {
      walk(node.get("additionalProperties"), path + "{}");
    }
  }

  private void visit(JsonNode node, String path, boolean read, Rule rule) {
    if (read) {
      requireBound(node, path, rule);
    }
    node.path("properties")
        .fields()
        .forEachRemaining(
            e ->
                visit(
                    e.getValue(),
                    path + "." + e.getKey(),
                    rule.whole || rule.selected.contains(e.getKey()),
                    rule));
    if (node.has("items")) {
      visit(node.get("items"), path + "[]", read || rule.whole, rule);
    }
    if (node.path("additionalProperties").isObject()) {
      visit(node.get("additionalProperties"), path + "{}", read || rule.whole, rule);
    }
  }

  private void requireBound(JsonNode node, String path, Rule rule) {
    String type = node.path("type").asText();
    String reason = null;
    if (node.path("x-kubernetes-preserve-unknown-fields").asBoolean()
        || node.path("x-kubernetes-int-or-string").asBoolean()) {
      reason = "is free-form (size unknown)";
    } else if (type.equals("string")
        && !node.has("maxLength")
        && !node.has("enum")
        && !BOUNDED_FORMATS.contains(node.path("format").asText())) {
      reason = "has no maxLength";
    } else if (type.equals("array") && !node.has("maxItems")) {
      reason = "has no maxItems";
    } else if (node.path("additionalProperties").isObject() && !node.has("maxProperties")) {
      reason = "has no maxProperties";
    }
    if (reason != null) {
      problems.add(path + " (" + type + ") " + reason + "; rule '" + rule.text + "' reads it");
    }
  }

  private record Rule(String text, Set<String> selected, boolean whole) {}
}
